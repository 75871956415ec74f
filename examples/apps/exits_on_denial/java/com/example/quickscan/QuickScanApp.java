package com.example.quickscan;

import android.app.Application;

public class QuickScanApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
    }
}
