package com.example.compliant;

import android.app.Application;
import android.content.Context;

/** Does nothing with personal data at start-up: features start only after consent. */
public class CompliantApp extends Application {
    static final String PREFS = "settings";

    @Override
    public void onCreate() {
        super.onCreate();
        getSharedPreferences(PREFS, Context.MODE_PRIVATE).edit().putInt("launches",
                getSharedPreferences(PREFS, Context.MODE_PRIVATE).getInt("launches", 0) + 1).apply();
    }
}
