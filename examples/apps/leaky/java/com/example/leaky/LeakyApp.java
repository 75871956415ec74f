package com.example.leaky;

import android.app.Application;
import com.umeng.commonsdk.UMConfigure;

/** Initialises the analytics SDK first thing, before any privacy dialog has been shown. */
public class LeakyApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
        UMConfigure.init(this, "5f1e2d3c4b5a69788796a5b4", "official");
    }
}
