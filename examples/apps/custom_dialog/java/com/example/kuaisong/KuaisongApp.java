package com.example.kuaisong;

import android.app.Application;

public class KuaisongApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
    }
}
