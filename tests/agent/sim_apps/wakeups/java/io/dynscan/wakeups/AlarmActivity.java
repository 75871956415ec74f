package io.dynscan.wakeups;

import android.app.Activity;
import android.os.Bundle;
import android.util.Log;

/** Opened by an alarm (its PendingIntent), not by the user. */
public class AlarmActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        Log.i("wakeups", "opened by an alarm");
    }
}
