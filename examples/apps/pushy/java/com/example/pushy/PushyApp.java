package com.example.pushy;

import android.app.Application;
import android.content.Intent;
import com.igexin.sdk.PushService;

/** Starts the push SDK's service at start-up, before any consent: it runs in the ":push" process. */
public class PushyApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
        startService(new Intent(this, PushService.class));
    }
}
