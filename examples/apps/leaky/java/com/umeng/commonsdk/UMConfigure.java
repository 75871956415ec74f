package com.umeng.commonsdk;

import android.content.Context;
import android.util.Log;
import com.umeng.analytics.DeviceCollector;
import com.umeng.analytics.LogUploader;

/**
 * A fake third-party analytics SDK living under a real SDK package prefix (Umeng's). Its init reads
 * device identifiers at once, whatever the user has agreed to, and uploads them hashed.
 */
public final class UMConfigure {
    private static final String TAG = "UMConfigure";
    private static boolean initialized;

    private UMConfigure() {}

    public static void init(Context context, String appKey, String channel) {
        if (initialized) return;
        initialized = true;
        Context app = context.getApplicationContext() != null ? context.getApplicationContext() : context;
        DeviceCollector collector = new DeviceCollector(app);
        String body = collector.collect(appKey, channel);
        Log.i(TAG, "init done, uploading device profile");
        LogUploader.upload("https://ulogs.umeng.com/unify_logs", body);
        LogUploader.upload("http://alog.umeng.com/app_logs?" + collector.cleartextQuery(), null);
    }
}
