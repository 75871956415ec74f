package com.example.snapshop;

import android.app.Application;

public class SnapShopApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
    }
}
