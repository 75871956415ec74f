package com.quicknotes.android;

import android.app.Application;

public class NotesApp extends Application {
    @Override
    public void onCreate() {
        super.onCreate();
    }
}
