package com.example.harvester;

import android.app.Application;
import com.igexin.sdk.PushManager;

/** Starts the push SDK first thing, before the app has asked the user anything. */
public class HarvesterApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
        PushManager.getInstance().initialize(this);
    }
}
