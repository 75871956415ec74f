package android.accounts;

/** The result of an asynchronous AccountManager call. */
public interface AccountManagerFuture<V> {
    V getResult() throws OperationCanceledException, java.io.IOException, AuthenticatorException;

    boolean isDone();
}
