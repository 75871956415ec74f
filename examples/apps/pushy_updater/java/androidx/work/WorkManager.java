package androidx.work;

import android.content.Context;
import androidx.work.impl.WorkManagerImpl;
import java.util.Collections;
import java.util.List;

/**
 * A minimal stand-in for androidx.work (the real library is not in android.jar, and apps bundle it as this
 * sample does): the same class, method and field names as androidx.work 2.x where dynscan's hooks read them
 * (WorkManagerImpl.enqueue*, Worker.startWork, WorkRequest.getWorkSpec().workerClassName).
 */
public abstract class WorkManager {
    public static WorkManager getInstance(Context context) {
        return WorkManagerImpl.getInstance(context.getApplicationContext());
    }

    public final Operation enqueue(WorkRequest workRequest) {
        return enqueue(Collections.singletonList(workRequest));
    }

    public abstract Operation enqueue(List<? extends WorkRequest> requests);

    public final Operation enqueueUniqueWork(String uniqueWorkName, ExistingWorkPolicy policy, OneTimeWorkRequest work) {
        return enqueueUniqueWork(uniqueWorkName, policy, Collections.singletonList(work));
    }

    public abstract Operation enqueueUniqueWork(String uniqueWorkName, ExistingWorkPolicy policy,
                                                List<OneTimeWorkRequest> work);

    public abstract Operation enqueueUniquePeriodicWork(String uniqueWorkName, ExistingPeriodicWorkPolicy policy,
                                                        PeriodicWorkRequest request);
}
