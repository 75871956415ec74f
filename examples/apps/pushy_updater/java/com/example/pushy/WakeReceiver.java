package com.example.pushy;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

/** Woken by the app's repeating alarm, in the foreground and in the background alike. */
public class WakeReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        android.util.Log.i("Pushy", "wake");
    }
}
