package androidx.work.impl;

import android.content.Context;
import androidx.work.ExistingPeriodicWorkPolicy;
import androidx.work.ExistingWorkPolicy;
import androidx.work.OneTimeWorkRequest;
import androidx.work.ListenableWorker;
import androidx.work.Operation;
import androidx.work.PeriodicWorkRequest;
import androidx.work.WorkManager;
import androidx.work.WorkRequest;
import androidx.work.WorkerParameters;
import java.util.Collections;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;

/** The stand-in's scheduler: each request's worker runs once after its initial delay, on a daemon timer. */
public final class WorkManagerImpl extends WorkManager {
    private static WorkManagerImpl instance;
    private final Context context;
    private final Timer timer = new Timer("WorkManager", true);

    private WorkManagerImpl(Context context) { this.context = context; }

    public static synchronized WorkManagerImpl getInstance(Context context) {
        if (instance == null) instance = new WorkManagerImpl(context);
        return instance;
    }

    @Override public Operation enqueue(List<? extends WorkRequest> requests) {
        for (WorkRequest r : requests) schedule(r);
        return new Operation() {};
    }

    @Override public Operation enqueueUniqueWork(String uniqueWorkName, ExistingWorkPolicy policy,
                                                 List<OneTimeWorkRequest> work) {
        return enqueue(work);
    }

    @Override public Operation enqueueUniquePeriodicWork(String uniqueWorkName, ExistingPeriodicWorkPolicy policy,
                                                         PeriodicWorkRequest request) {
        return enqueue(Collections.singletonList(request));
    }

    private void schedule(WorkRequest r) {
        timer.schedule(new TimerTask() {
            @Override public void run() {
                try {
                    Class<?> cls = Class.forName(r.getWorkSpec().workerClassName);
                    ListenableWorker w = (ListenableWorker) cls.getConstructor(Context.class, WorkerParameters.class)
                            .newInstance(context, new WorkerParameters(r.getId()));
                    w.startWork();
                } catch (ReflectiveOperationException e) {
                    android.util.Log.e("WM-WorkerWrapper", "Could not create Worker " + r.getWorkSpec().workerClassName);
                }
            }
        }, Math.max(200, r.getWorkSpec().initialDelay));
    }
}
