package com.quicknotes.android;

import android.Manifest;
import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.content.pm.PackageManager;
import android.os.Bundle;
import android.provider.Settings;
import android.telephony.TelephonyManager;
import android.util.Log;
import android.widget.LinearLayout;
import android.widget.TextView;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Remembers the user's answer to the privacy policy in SharedPreferences: once refused, the app stays in
 * read-only mode and never shows the policy again. Asks for the phone permission once, after consent.
 */
public class MainActivity extends Activity {
    static final int REQ_PHONE = 7;
    static final String SYNC_URL = "http://sync.quicknotes.com/v1/register";
    private SharedPreferences prefs;
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("quicknotes", Context.MODE_PRIVATE);
        LinearLayout root = new LinearLayout(this);
        root.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("QuickNotes");
        root.addView(title);
        status = new TextView(this);
        root.addView(status);
        setContentView(root);

        if (!prefs.contains("install_id")) {
            // An install ID for crash reports, taken before anything was agreed to.
            String id = Settings.Secure.getString(getContentResolver(), Settings.Secure.ANDROID_ID);
            prefs.edit().putString("install_id", id).apply();
        }
        String privacy = prefs.getString("privacy", null);
        if (privacy == null) {
            showPolicy();
        } else if (privacy.equals("declined")) {
            status.setText("Read-only mode");
        } else {
            startSync();
        }
    }

    private void showPolicy() {
        new AlertDialog.Builder(this)
                .setTitle("Privacy Policy")
                .setMessage("QuickNotes syncs your notes with your phone's identity. Read our privacy policy.")
                .setPositiveButton("Agree", (d, w) -> {
                    prefs.edit().putString("privacy", "accepted").apply();
                    startSync();
                })
                .setNegativeButton("Disagree", (d, w) -> {
                    prefs.edit().putString("privacy", "declined").apply();
                    status.setText("Read-only mode");
                })
                .setCancelable(false)
                .show();
    }

    private void startSync() {
        if (checkSelfPermission(Manifest.permission.READ_PHONE_STATE) == PackageManager.PERMISSION_GRANTED) {
            register();
        } else if (!prefs.getBoolean("asked_phone", false)) {
            prefs.edit().putBoolean("asked_phone", true).apply();
            requestPermissions(new String[] {Manifest.permission.READ_PHONE_STATE}, REQ_PHONE);
        } else {
            status.setText("Sync off");
        }
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {
        if (requestCode == REQ_PHONE && grantResults.length > 0
                && grantResults[0] == PackageManager.PERMISSION_GRANTED) {
            register();
        } else {
            status.setText("Sync off");
        }
    }

    private void register() {
        TelephonyManager tm = (TelephonyManager) getSystemService(Context.TELEPHONY_SERVICE);
        String imei = tm.getImei();
        status.setText("Sync on");
        new Thread(() -> post(SYNC_URL, "device=" + imei), "sync").start();
    }

    static void post(String url, String body) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            Log.i("QuickNotes", "sync " + c.getResponseCode());
            c.disconnect();
        } catch (Exception e) {
            Log.w("QuickNotes", "sync failed: " + e);
        }
    }
}
