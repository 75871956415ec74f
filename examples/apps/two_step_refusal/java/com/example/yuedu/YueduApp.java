package com.example.yuedu;

import android.app.Application;

public class YueduApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
    }
}
