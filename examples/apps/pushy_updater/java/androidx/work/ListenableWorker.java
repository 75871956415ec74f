package androidx.work;

import android.content.Context;
import java.util.concurrent.Future;

/** A unit of work WorkManager runs. */
public abstract class ListenableWorker {
    private final Context appContext;
    private final WorkerParameters params;

    public ListenableWorker(Context appContext, WorkerParameters workerParams) {
        this.appContext = appContext;
        this.params = workerParams;
    }
    public final Context getApplicationContext() { return appContext; }
    public final java.util.UUID getId() { return params.getId(); }
    public abstract Future<Result> startWork();

    /** How a run ended. */
    public abstract static class Result {
        Result() {}
        public static Result success() { return new Result() {}; }
        public static Result failure() { return new Result() {}; }
        public static Result retry() { return new Result() {}; }
    }
}
