package android.os;

/** Cancels an operation in progress. */
public final class CancellationSignal {
    private volatile boolean canceled;

    public boolean isCanceled() { return canceled; }

    public void cancel() { canceled = true; }
}
