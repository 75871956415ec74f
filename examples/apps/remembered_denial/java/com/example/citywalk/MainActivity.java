package com.example.citywalk;

import android.Manifest;
import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.content.pm.PackageManager;
import android.location.Location;
import android.location.LocationManager;
import android.os.Bundle;
import android.os.Handler;
import android.os.Looper;
import android.widget.LinearLayout;
import android.widget.TextView;

/**
 * Asks for location once after consent and remembers a denial ("location_denied") so it never asks
 * again. With the permission, it shows where you are, and keeps a walk going in the background by
 * refreshing the location a second after leaving the screen and every 20 s after that.
 */
public class MainActivity extends Activity {
    static final int REQ_LOCATION = 3;
    static final long REFRESH_MS = 20_000;
    private SharedPreferences prefs;
    private TextView where;
    private final Handler handler = new Handler(Looper.getMainLooper());
    private final Runnable refresh = new Runnable() {
        @Override
        public void run() {
            showLocation();
            handler.postDelayed(this, REFRESH_MS);
        }
    };

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("citywalk", Context.MODE_PRIVATE);
        LinearLayout root = new LinearLayout(this);
        root.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("CityWalk");
        root.addView(title);
        where = new TextView(this);
        root.addView(where);
        setContentView(root);
        if (!prefs.contains("privacy")) {
            new AlertDialog.Builder(this)
                    .setTitle("Privacy Policy")
                    .setMessage("CityWalk uses your location to record your walks. See our privacy policy.")
                    .setPositiveButton("Agree", (d, w) -> {
                        prefs.edit().putString("privacy", "accepted").apply();
                        askLocation();
                    })
                    .setNegativeButton("Disagree", (d, w) -> {
                        prefs.edit().putString("privacy", "declined").apply();
                        where.setText("Map only");
                    })
                    .setCancelable(false)
                    .show();
        } else if (prefs.getString("privacy", "").equals("accepted")) {
            askLocation();
        }
    }

    private boolean granted() {
        return checkSelfPermission(Manifest.permission.ACCESS_FINE_LOCATION) == PackageManager.PERMISSION_GRANTED;
    }

    private void askLocation() {
        if (granted()) {
            showLocation();
        } else if (prefs.getBoolean("location_denied", false)) {
            where.setText("Turn on location in Settings to record walks");
        } else {
            requestPermissions(new String[] {Manifest.permission.ACCESS_FINE_LOCATION}, REQ_LOCATION);
        }
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {
        if (requestCode != REQ_LOCATION) return;
        if (grantResults.length > 0 && grantResults[0] == PackageManager.PERMISSION_GRANTED) {
            showLocation();
        } else {
            prefs.edit().putBoolean("location_denied", true).apply();
            where.setText("Turn on location in Settings to record walks");
        }
    }

    @Override
    protected void onResume() {
        super.onResume();
        handler.removeCallbacks(refresh);
    }

    @Override
    protected void onStop() {
        super.onStop();
        if (granted() && "accepted".equals(prefs.getString("privacy", ""))) {
            handler.postDelayed(refresh, 1000);  // the walk goes on while the screen is off
        }
    }

    private void showLocation() {
        LocationManager lm = (LocationManager) getSystemService(Context.LOCATION_SERVICE);
        Location l = lm.getLastKnownLocation(LocationManager.GPS_PROVIDER);
        if (l != null) where.setText("Walk point saved (" + Math.round(l.getAccuracy()) + " m)");
    }
}
