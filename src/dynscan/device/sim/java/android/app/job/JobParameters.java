package android.app.job;

/** What a running job is given: its id. */
public class JobParameters {
    private final int jobId;

    JobParameters(int jobId) { this.jobId = jobId; }
    public int getJobId() { return jobId; }
}
