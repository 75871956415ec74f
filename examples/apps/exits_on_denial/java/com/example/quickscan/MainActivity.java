package com.example.quickscan;

import android.Manifest;
import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.content.pm.PackageManager;
import android.hardware.Camera;
import android.os.Bundle;
import android.widget.LinearLayout;
import android.widget.TextView;
import android.widget.Toast;

/** A QR scanner: after consent it needs the camera, and quits when the camera permission is denied. */
public class MainActivity extends Activity {
    static final int REQ_CAMERA = 9;
    private SharedPreferences prefs;
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("quickscan", Context.MODE_PRIVATE);
        LinearLayout root = new LinearLayout(this);
        root.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("QuickScan");
        root.addView(title);
        status = new TextView(this);
        root.addView(status);
        setContentView(root);
        String privacy = prefs.getString("privacy", null);
        if (privacy == null) {
            new AlertDialog.Builder(this)
                    .setTitle("Privacy Policy")
                    .setMessage("QuickScan uses the camera only to read codes. Please read our privacy policy.")
                    .setPositiveButton("Agree", (d, w) -> {
                        prefs.edit().putString("privacy", "accepted").apply();
                        startScanner();
                    })
                    .setNegativeButton("Disagree", (d, w) -> {
                        prefs.edit().putString("privacy", "declined").apply();
                        status.setText("Paste a link to open it");
                    })
                    .setCancelable(false)
                    .show();
        } else if (privacy.equals("accepted")) {
            startScanner();
        } else {
            status.setText("Paste a link to open it");
        }
    }

    private void startScanner() {
        if (checkSelfPermission(Manifest.permission.CAMERA) == PackageManager.PERMISSION_GRANTED) {
            openCamera();
        } else {
            requestPermissions(new String[] {Manifest.permission.CAMERA}, REQ_CAMERA);
        }
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {
        if (requestCode != REQ_CAMERA) return;
        if (grantResults.length > 0 && grantResults[0] == PackageManager.PERMISSION_GRANTED) {
            openCamera();
        } else {
            Toast.makeText(this, "QuickScan cannot work without the camera", Toast.LENGTH_LONG).show();
            finish();
        }
    }

    private void openCamera() {
        Camera camera = Camera.open();
        camera.startPreview();
        status.setText("Point the camera at a code");
    }
}
