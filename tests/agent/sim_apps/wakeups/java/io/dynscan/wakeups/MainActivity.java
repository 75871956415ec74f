package io.dynscan.wakeups;

import android.app.Activity;
import android.app.AlarmManager;
import android.app.PendingIntent;
import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.content.IntentFilter;
import android.os.Bundle;
import android.os.SystemClock;
import android.util.Log;

public class MainActivity extends Activity {
    static final String PING = "io.dynscan.wakeups.PING";
    static final String PONG = "io.dynscan.wakeups.PONG";

    /** Registered at run time, not in the manifest. */
    public static final class PingReceiver extends BroadcastReceiver {
        @Override public void onReceive(Context context, Intent intent) {
            Log.i("wakeups", "got " + intent.getAction());
        }
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        IntentFilter filter = new IntentFilter(PING);
        filter.addAction(PONG);
        registerReceiver(new PingReceiver(), filter);
        sendBroadcast(new Intent(PING).setPackage(getPackageName()));
        AlarmManager am = (AlarmManager) getSystemService(Context.ALARM_SERVICE);
        long soon = SystemClock.elapsedRealtime() + 200;
        am.set(AlarmManager.ELAPSED_REALTIME, soon, PendingIntent.getBroadcast(this, 1,
                new Intent(PONG).setPackage(getPackageName()), PendingIntent.FLAG_IMMUTABLE));
        am.set(AlarmManager.ELAPSED_REALTIME, soon + 200, PendingIntent.getActivity(this, 2,
                new Intent(this, AlarmActivity.class), PendingIntent.FLAG_IMMUTABLE));
    }
}
