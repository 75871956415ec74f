package android.telephony;

import android.app.ActivityThread;
import dynscan.sim.Sim;
import java.util.ArrayList;
import java.util.List;

/** Active SIM subscriptions; READ_PHONE_STATE. */
public class SubscriptionManager {
    public SubscriptionManager() {}

    public List<SubscriptionInfo> getActiveSubscriptionInfoList() {
        ActivityThread.enforce("android.permission.READ_PHONE_STATE", "getActiveSubscriptionInfoList");
        List<SubscriptionInfo> l = new ArrayList<>();
        l.add(new SubscriptionInfo(1, Sim.prop("identity.iccid", ""), Sim.prop("identity.phone_number", ""),
                Sim.prop("identity.operator_name", "CHN-UNICOM")));
        return l;
    }

    public int getActiveSubscriptionInfoCount() { return 1; }

    public static int getDefaultSubscriptionId() { return 1; }
}
