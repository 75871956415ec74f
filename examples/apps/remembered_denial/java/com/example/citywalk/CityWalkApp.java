package com.example.citywalk;

import android.app.Application;

public class CityWalkApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
    }
}
