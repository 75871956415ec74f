package com.umeng.analytics;

import android.content.Context;
import android.util.Log;

/** Page tracking calls an app makes from its activities. */
public final class MobclickAgent {
    private MobclickAgent() {}

    public static void onResume(Context context) { Log.d("MobclickAgent", "onResume " + context.getClass().getName()); }

    public static void onPause(Context context) { Log.d("MobclickAgent", "onPause " + context.getClass().getName()); }
}
