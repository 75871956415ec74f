package com.example.trouble;

import android.app.Service;
import android.content.Intent;
import android.os.IBinder;

/** Sends one broadcast back to the app, then stops itself. */
public class SyncService extends Service {
    static final String DONE = "com.example.trouble.SYNC_DONE";

    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        sendBroadcast(new Intent(DONE).setPackage(getPackageName()).putExtra("items", "3"));
        stopSelf();
        return START_NOT_STICKY;
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
