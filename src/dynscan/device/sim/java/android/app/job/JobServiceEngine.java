package android.app.job;

import android.app.Service;
import android.os.IBinder;

/** The bridge between the system's job scheduler and a JobService, as in AOSP: JobService creates one. */
public abstract class JobServiceEngine {
    private final IBinder mBinder;

    public JobServiceEngine(Service service) { mBinder = () -> true; }
    public final IBinder getBinder() { return mBinder; }
    public abstract boolean onStartJob(JobParameters params);
    public abstract boolean onStopJob(JobParameters params);
}
