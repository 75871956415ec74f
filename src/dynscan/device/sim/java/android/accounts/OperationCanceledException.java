package android.accounts;

/** The operation was cancelled or could not complete. */
public class OperationCanceledException extends android.util.AndroidException {
    public OperationCanceledException() {}

    public OperationCanceledException(String message) { super(message); }
}
