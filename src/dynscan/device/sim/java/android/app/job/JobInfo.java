package android.app.job;

import android.content.ComponentName;

/** A job for JobScheduler: the service that runs it. */
public class JobInfo {
    private final int jobId;
    private final ComponentName service;

    private JobInfo(int jobId, ComponentName service) { this.jobId = jobId; this.service = service; }
    public int getId() { return jobId; }
    public ComponentName getService() { return service; }

    public static final class Builder {
        private final int jobId;
        private final ComponentName service;
        public Builder(int jobId, ComponentName jobService) { this.jobId = jobId; this.service = jobService; }
        public Builder setMinimumLatency(long minLatencyMillis) { return this; }
        public Builder setPeriodic(long intervalMillis) { return this; }
        public Builder setPersisted(boolean isPersisted) { return this; }
        public Builder setRequiredNetworkType(int networkType) { return this; }
        public JobInfo build() { return new JobInfo(jobId, service); }
    }
}
