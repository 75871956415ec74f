package com.example.pushy;

import android.app.Service;
import android.content.Intent;
import android.os.IBinder;

/** Started by the app's own alarm: it only says it ran. */
public class SyncService extends Service {
    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        android.util.Log.i("Pushy", "sync");
        return START_NOT_STICKY;
    }

    @Override
    public IBinder onBind(Intent intent) { return null; }
}
