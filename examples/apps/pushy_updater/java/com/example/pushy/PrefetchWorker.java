package com.example.pushy;

import android.content.Context;
import androidx.work.Worker;
import androidx.work.WorkerParameters;

/** Prefetches the news in the background, enqueued right after consent. */
public class PrefetchWorker extends Worker {
    public PrefetchWorker(Context context, WorkerParameters params) { super(context, params); }

    @Override
    public Result doWork() {
        android.util.Log.i("Pushy", "prefetch");
        return Result.success();
    }
}
