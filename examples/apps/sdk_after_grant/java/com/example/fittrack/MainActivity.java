package com.example.fittrack;

import android.Manifest;
import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.content.pm.PackageManager;
import android.os.Bundle;
import android.widget.LinearLayout;
import android.widget.TextView;
import cn.jpush.android.api.JPushInterface;

/**
 * Starts its push SDK only once the policy is accepted and the phone permission granted (the way
 * compliance guides say to): from then on the SDK does what it does, in the background too.
 */
public class MainActivity extends Activity {
    static final int REQ_PHONE = 5;
    private SharedPreferences prefs;
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("fittrack", Context.MODE_PRIVATE);
        LinearLayout root = new LinearLayout(this);
        root.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("FitTrack");
        root.addView(title);
        status = new TextView(this);
        root.addView(status);
        setContentView(root);
        String privacy = prefs.getString("privacy", null);
        if (privacy == null) {
            new AlertDialog.Builder(this)
                    .setTitle("Privacy Policy")
                    .setMessage("FitTrack sends you workout reminders through JPush. Read our privacy policy.")
                    .setPositiveButton("Agree", (d, w) -> {
                        prefs.edit().putString("privacy", "accepted").apply();
                        askPhone();
                    })
                    .setNegativeButton("Disagree", (d, w) -> {
                        prefs.edit().putString("privacy", "declined").apply();
                        status.setText("Reminders off");
                    })
                    .setCancelable(false)
                    .show();
        } else if (privacy.equals("accepted")) {
            askPhone();
        }
    }

    private void askPhone() {
        if (checkSelfPermission(Manifest.permission.READ_PHONE_STATE) == PackageManager.PERMISSION_GRANTED) {
            JPushInterface.init(this);
            status.setText("Reminders on");
        } else if (!prefs.getBoolean("asked_phone", false)) {
            prefs.edit().putBoolean("asked_phone", true).apply();
            requestPermissions(new String[] {Manifest.permission.READ_PHONE_STATE}, REQ_PHONE);
        }
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {
        if (requestCode == REQ_PHONE && grantResults.length > 0
                && grantResults[0] == PackageManager.PERMISSION_GRANTED) {
            JPushInterface.init(this);
            status.setText("Reminders on");
        } else {
            status.setText("Reminders off");
        }
    }
}
