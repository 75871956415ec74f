package com.example.fittrack;

import android.app.Application;

public class FitTrackApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
    }
}
