package androidx.work;

import android.content.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** A worker whose work is one synchronous doWork() (run here on WorkManager's thread). */
public abstract class Worker extends ListenableWorker {
    public Worker(Context context, WorkerParameters workerParams) { super(context, workerParams); }

    @Override public final Future<Result> startWork() {
        return CompletableFuture.completedFuture(doWork());
    }

    public abstract Result doWork();
}
