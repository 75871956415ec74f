package com.example.dailybrief;

import android.app.Application;

public class DailyBriefApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
    }
}
