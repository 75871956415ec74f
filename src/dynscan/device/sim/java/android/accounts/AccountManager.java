package android.accounts;

import android.app.ActivityThread;
import android.content.Context;
import dynscan.sim.Sim;

/** The accounts on the device. */
public class AccountManager {
    private AccountManager() {}

    public static AccountManager get(Context context) { return new AccountManager(); }

    /** The device's accounts; empty unless the app holds GET_ACCOUNTS (Android 8+ behaviour). */
    public Account[] getAccounts() {
        String email = Sim.prop("identity.email", null);
        if (email == null || !ActivityThread.granted("android.permission.GET_ACCOUNTS")) return new Account[0];
        return new Account[] {new Account(email, "com.google")};
    }

    public Account[] getAccountsByType(String type) {
        Account[] all = getAccounts();
        return type != null && all.length > 0 && !"com.google".equals(type) ? new Account[0] : all;
    }
}
