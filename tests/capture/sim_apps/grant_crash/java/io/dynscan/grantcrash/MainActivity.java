package io.dynscan.grantcrash;

import android.Manifest;
import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.content.pm.PackageManager;
import android.os.Bundle;
import android.widget.TextView;

/** Policy, then the phone permission; with the permission granted the profile code crashes (a bug). */
public class MainActivity extends Activity {
    private SharedPreferences prefs;
    private String profile;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("g", Context.MODE_PRIVATE);
        TextView t = new TextView(this);
        t.setText("Grant Crash");
        setContentView(t);
        if (checkSelfPermission(Manifest.permission.READ_PHONE_STATE) == PackageManager.PERMISSION_GRANTED) {
            loadProfile();
        } else if (!prefs.getBoolean("ok", false)) {
            new AlertDialog.Builder(this).setTitle("Privacy Policy").setMessage("Please read our privacy policy.")
                    .setPositiveButton("Agree", (d, w) -> {
                        prefs.edit().putBoolean("ok", true).apply();
                        requestPermissions(new String[] {Manifest.permission.READ_PHONE_STATE}, 1);
                    })
                    .setNegativeButton("Disagree", (d, w) -> { })
                    .setCancelable(false).show();
        }
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {
        if (grantResults.length > 0 && grantResults[0] == PackageManager.PERMISSION_GRANTED) loadProfile();
    }

    private void loadProfile() {
        setTitle(profile.trim());  // the profile was never loaded: NullPointerException
    }
}
