package com.example.dailybrief;

import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.os.Bundle;
import android.provider.Settings;
import android.util.Log;
import android.widget.LinearLayout;
import android.widget.TextView;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Talks only to its own backend: after consent it opens a session with its device ID at
 * https://api.dailybrief.example and fetches the day's headlines. No SDK, no third party.
 */
public class MainActivity extends Activity {
    static final String API = "https://api.dailybrief.example/v1/";
    private SharedPreferences prefs;
    private TextView headlines;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("dailybrief", Context.MODE_PRIVATE);
        LinearLayout root = new LinearLayout(this);
        root.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("Daily Brief");
        root.addView(title);
        headlines = new TextView(this);
        root.addView(headlines);
        setContentView(root);
        String privacy = prefs.getString("privacy", null);
        if (privacy == null) {
            new AlertDialog.Builder(this)
                    .setTitle("Privacy Policy")
                    .setMessage("Daily Brief keeps a session with our own servers, identified by your device information "
                            + "(the Android ID). We share nothing with third parties.")
                    .setPositiveButton("Agree", (d, w) -> {
                        prefs.edit().putString("privacy", "accepted").apply();
                        load();
                    })
                    .setNegativeButton("Disagree", (d, w) -> {
                        prefs.edit().putString("privacy", "declined").apply();
                        headlines.setText("Sign in to read today's brief");
                    })
                    .setCancelable(false)
                    .show();
        } else if (privacy.equals("accepted")) {
            load();
        } else {
            headlines.setText("Sign in to read today's brief");
        }
    }

    private void load() {
        String device = prefs.getString("device", null);
        if (device == null) {  // read once, kept for the next sessions
            device = Settings.Secure.getString(getContentResolver(), Settings.Secure.ANDROID_ID);
            prefs.edit().putString("device", device).apply();
        }
        String id = device;
        new Thread(() -> {
            call("session", "{\"device\":\"" + id + "\"}");
            call("headlines?edition=cn", null);
        }, "api").start();
    }

    static void call(String path, String json) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(API + path).openConnection();
            if (json != null) {
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(json.getBytes(StandardCharsets.UTF_8));
                }
            }
            try (InputStream in = c.getInputStream()) {
                while (in.read() != -1) {
                    // the body is not needed here
                }
            }
            c.disconnect();
        } catch (Exception e) {
            Log.w("DailyBrief", path + " failed: " + e);
        }
    }
}
