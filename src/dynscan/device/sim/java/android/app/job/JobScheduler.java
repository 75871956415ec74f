package android.app.job;

/** The virtual device's JobScheduler: jobs are recorded, not run (Android runs them when it sees fit). */
public class JobScheduler {
    public static final int RESULT_SUCCESS = 1;
    public static final int RESULT_FAILURE = 0;

    public int schedule(JobInfo job) {
        dynscan.sim.Sim.log("job_scheduled", "service", job.getService() == null ? null : job.getService().flattenToShortString());
        return RESULT_SUCCESS;
    }
    public void cancel(int jobId) {}
}
