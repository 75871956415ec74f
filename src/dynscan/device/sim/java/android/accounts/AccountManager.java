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

    public Account[] getAccountsByTypeForPackage(String type, String packageName) { return getAccountsByType(type); }

    /** Account data is readable only by the authenticator that owns the account (not this app). */
    public String getUserData(Account account, String key) {
        throw new SecurityException("caller uid " + android.os.Process.myUid() + " is different than the authenticator's uid");
    }

    public String getPassword(Account account) {
        throw new SecurityException("caller uid " + android.os.Process.myUid() + " is different than the authenticator's uid");
    }

    public String peekAuthToken(Account account, String authTokenType) {
        throw new SecurityException("caller uid " + android.os.Process.myUid() + " is different than the authenticator's uid");
    }

    /** Asks the authenticator for a token; the virtual device has no authenticator: the future fails. */
    public AccountManagerFuture<android.os.Bundle> getAuthToken(Account account, String authTokenType, android.os.Bundle options,
            android.app.Activity activity, AccountManagerCallback<android.os.Bundle> callback, android.os.Handler handler) {
        return new AccountManagerFuture<android.os.Bundle>() {
            @Override public android.os.Bundle getResult() throws OperationCanceledException {
                throw new OperationCanceledException("no authenticator for " + account.type);
            }

            @Override public boolean isDone() { return true; }
        };
    }
}
