package android.app.admin;

import android.content.ComponentName;
import dynscan.sim.Sim;

/** Device administration; most calls need the app to be the device owner. */
public class DevicePolicyManager {
    public DevicePolicyManager() {}

    /** The Wi-Fi MAC: only a device owner may ask (apps get a SecurityException). */
    public String getWifiMacAddress(ComponentName admin) {
        if (!"1".equals(Sim.prop("policy.device_owner." + Sim.packageName, "0"))) {
            throw new SecurityException("Admin " + admin + " does not own the device");
        }
        return Sim.prop("identity.mac", null);
    }

    public boolean isDeviceOwnerApp(String packageName) {
        return "1".equals(Sim.prop("policy.device_owner." + packageName, "0"));
    }
}
