package com.igexin.sdk;

import android.app.Service;
import android.content.Intent;
import android.os.IBinder;
import android.provider.Settings;
import android.util.Log;

/** A push SDK's service, in its own process: it registers the device with its Android ID at once. */
public class PushService extends Service {
    @Override
    public void onCreate() {
        super.onCreate();
        String androidId = Settings.Secure.getString(getContentResolver(), Settings.Secure.ANDROID_ID);
        Log.i("PushService", "registering device " + (androidId == null ? 0 : androidId.length()));
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
