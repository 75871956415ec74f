package com.example.snapshop;

import android.Manifest;
import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.content.pm.PackageManager;
import android.os.Bundle;
import android.telephony.TelephonyManager;
import android.widget.LinearLayout;
import android.widget.TextView;

/**
 * Asks for the phone and location permissions first thing in onCreate, before its privacy policy
 * (which it shows once the permission answer is in), and again at every start while they are missing.
 * The IMEI is read only with consent and the permission.
 */
public class MainActivity extends Activity {
    static final int REQ_START = 1;
    static final String[] NEEDED = {Manifest.permission.READ_PHONE_STATE, Manifest.permission.ACCESS_COARSE_LOCATION};
    private SharedPreferences prefs;
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("snapshop", Context.MODE_PRIVATE);
        LinearLayout root = new LinearLayout(this);
        root.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("SnapShop");
        root.addView(title);
        status = new TextView(this);
        root.addView(status);
        setContentView(root);
        if (missing()) {
            requestPermissions(NEEDED, REQ_START);
        } else {
            afterPermissions();
        }
    }

    private boolean missing() {
        for (String p : NEEDED) {
            if (checkSelfPermission(p) != PackageManager.PERMISSION_GRANTED) return true;
        }
        return false;
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {
        if (requestCode == REQ_START) afterPermissions();
    }

    private void afterPermissions() {
        String privacy = prefs.getString("privacy", null);
        if (privacy == null) {
            new AlertDialog.Builder(this)
                    .setTitle("Privacy Policy")
                    .setMessage("SnapShop uses your device information to keep your account safe.")
                    .setPositiveButton("Agree", (d, w) -> {
                        prefs.edit().putString("privacy", "accepted").apply();
                        bindAccount();
                    })
                    .setNegativeButton("Disagree", (d, w) -> {
                        prefs.edit().putString("privacy", "declined").apply();
                        status.setText("Guest mode");
                    })
                    .setCancelable(false)
                    .show();
        } else if (privacy.equals("accepted")) {
            bindAccount();
        } else {
            status.setText("Guest mode");
        }
    }

    private void bindAccount() {
        if (checkSelfPermission(Manifest.permission.READ_PHONE_STATE) == PackageManager.PERMISSION_GRANTED) {
            TelephonyManager tm = (TelephonyManager) getSystemService(Context.TELEPHONY_SERVICE);
            status.setText("Account bound to device " + tm.getImei().length() + " digits");
        } else {
            status.setText("Shopping as guest");
        }
    }
}
