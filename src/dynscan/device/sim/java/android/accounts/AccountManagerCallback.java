package android.accounts;

/** Called when an AccountManager call completes. */
public interface AccountManagerCallback<V> {
    void run(AccountManagerFuture<V> future);
}
