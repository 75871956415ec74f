package android.app.job;

import android.app.Service;
import android.content.Intent;
import android.os.IBinder;

/**
 * A service that runs scheduled jobs. As in AOSP, its engine is the anonymous class {@code JobService$1}
 * whose {@code onStartJob} the scheduler calls (the hook catalog's job-run hook sits there): keep it the
 * first anonymous class of this file.
 */
public abstract class JobService extends Service {
    public static final String PERMISSION_BIND = "android.permission.BIND_JOB_SERVICE";
    private JobServiceEngine mEngine;

    @Override public final IBinder onBind(Intent intent) { return engine().getBinder(); }

    final synchronized JobServiceEngine engine() {
        if (mEngine == null) {
            mEngine = new JobServiceEngine(this) {
                @Override public boolean onStartJob(JobParameters params) { return JobService.this.onStartJob(params); }
                @Override public boolean onStopJob(JobParameters params) { return JobService.this.onStopJob(params); }
            };
        }
        return mEngine;
    }

    public final void jobFinished(JobParameters params, boolean wantsReschedule) {}
    public abstract boolean onStartJob(JobParameters params);
    public abstract boolean onStopJob(JobParameters params);
}
