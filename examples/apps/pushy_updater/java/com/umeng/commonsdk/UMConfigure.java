package com.umeng.commonsdk;

import android.content.Context;
import android.provider.Settings;

/** An analytics SDK's entry point (Umeng's public name): reads the Android ID once. */
public final class UMConfigure {
    private UMConfigure() {}

    public static String init(Context context) {
        return Settings.Secure.getString(context.getContentResolver(), Settings.Secure.ANDROID_ID);
    }
}
