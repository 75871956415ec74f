package org.example.tour;

import android.app.Application;

public class TourApp extends Application {
    static TourApp instance;

    @Override
    public void onCreate() {
        super.onCreate();
        instance = this;
    }
}
