package android.app.job;

import android.app.ActivityThread;
import android.app.Service;
import java.util.Timer;
import java.util.TimerTask;

/**
 * The virtual device's JobScheduler: a job of one of the app's own JobServices runs once, after its minimum
 * latency (at least 500 ms), on the main thread while the process lives; other jobs are recorded, not run.
 */
public class JobScheduler {
    public static final int RESULT_SUCCESS = 1;
    public static final int RESULT_FAILURE = 0;
    private final Timer timer = new Timer("JobScheduler", true);

    public int schedule(JobInfo job) {
        String svc = job.getService() == null ? null : job.getService().flattenToShortString();
        dynscan.sim.Sim.log("job_scheduled", "service", svc);
        if (job.getService() != null && job.getService().getPackageName().equals(dynscan.sim.Sim.packageName)) {
            String cls = job.getService().getClassName();
            timer.schedule(new TimerTask() {
                @Override public void run() { ActivityThread.postToMain(() -> runJob(cls, job.getId())); }
            }, Math.max(500, job.getMinLatencyMillis()));
        }
        return RESULT_SUCCESS;
    }

    private static void runJob(String cls, int jobId) {
        try {  // only a JobService runs a job (Android refuses to schedule anything else)
            if (!JobService.class.isAssignableFrom(Class.forName(cls))) return;
        } catch (ClassNotFoundException e) {
            return;
        }
        Service s = ActivityThread.ownService(cls);
        if (s instanceof JobService) ((JobService) s).engine().onStartJob(new JobParameters(jobId));
    }

    public void cancel(int jobId) {}
}
