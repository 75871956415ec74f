package com.example.pushy;

import android.app.job.JobParameters;
import android.app.job.JobService;
import android.content.Intent;

/** Started by the app's own alarm and run as its periodic job: it only says it ran. */
public class SyncService extends JobService {
    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        android.util.Log.i("Pushy", "sync");
        return START_NOT_STICKY;
    }

    @Override
    public boolean onStartJob(JobParameters params) {
        android.util.Log.i("Pushy", "sync job " + params.getJobId());
        return false;
    }

    @Override
    public boolean onStopJob(JobParameters params) { return false; }
}
