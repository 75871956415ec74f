package io.dynscan.lifecycle;

import android.app.Activity;
import android.content.ComponentName;
import android.content.Intent;
import android.net.Uri;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.util.Log;
import android.widget.TextView;

public class MainActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        TextView t = new TextView(this);
        t.setText("lifecycle");
        setContentView(t);
        requestPermissions(new String[] {"android.permission.CAMERA", "android.permission.READ_CONTACTS"}, 5);
    }

    @Override
    public void onRequestPermissionsResult(int code, String[] permissions, int[] results) {
        Log.i("lifecycle", "results " + code + " " + permissions.length);
        start(new Intent().setComponent(new ComponentName("com.other.app", "com.other.app.Main")));
        start(new Intent(Intent.ACTION_VIEW, Uri.parse("https://example.com/landing")));
    }

    @Override
    protected void onPause() {
        super.onPause();
        try {
            TelephonyManager tm = (TelephonyManager) getSystemService(TELEPHONY_SERVICE);
            Log.i("lifecycle", "paused imei " + tm.getImei());
        } catch (SecurityException e) {
            Log.i("lifecycle", "paused denied");
        }
    }

    private void start(Intent i) {
        try {
            startActivity(i);
        } catch (RuntimeException e) {
            Log.i("lifecycle", "start failed: " + e);
        }
    }
}
