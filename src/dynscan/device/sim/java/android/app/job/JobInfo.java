package android.app.job;

import android.content.ComponentName;

/** A job for JobScheduler: the service that runs it and how long it waits at least. */
public class JobInfo {
    private final int jobId;
    private final ComponentName service;
    private final long minLatencyMillis;

    private JobInfo(int jobId, ComponentName service, long minLatencyMillis) {
        this.jobId = jobId;
        this.service = service;
        this.minLatencyMillis = minLatencyMillis;
    }
    public int getId() { return jobId; }
    public ComponentName getService() { return service; }
    public long getMinLatencyMillis() { return minLatencyMillis; }

    public static final class Builder {
        private final int jobId;
        private final ComponentName service;
        private long minLatencyMillis;
        public Builder(int jobId, ComponentName jobService) { this.jobId = jobId; this.service = jobService; }
        public Builder setMinimumLatency(long minLatencyMillis) { this.minLatencyMillis = minLatencyMillis; return this; }
        public Builder setPeriodic(long intervalMillis) { return this; }
        public Builder setPersisted(boolean isPersisted) { return this; }
        public Builder setRequiredNetworkType(int networkType) { return this; }
        public JobInfo build() { return new JobInfo(jobId, service, minLatencyMillis); }
    }
}
