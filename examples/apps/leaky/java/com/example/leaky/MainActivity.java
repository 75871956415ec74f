package com.example.leaky;

import android.Manifest;
import android.app.Activity;
import android.app.AlertDialog;
import android.content.ClipData;
import android.content.ClipboardManager;
import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.content.pm.PackageManager;
import android.hardware.Sensor;
import android.hardware.SensorEvent;
import android.hardware.SensorEventListener;
import android.hardware.SensorManager;
import android.net.Uri;
import android.os.Bundle;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.TextView;
import com.umeng.analytics.MobclickAgent;

/**
 * Shows a privacy dialog after the SDK has already collected; re-requests the phone permission on every
 * resume; reads the clipboard without a paste; jumps to an ad page on a weak shake.
 */
public class MainActivity extends Activity implements SensorEventListener {
    static final int REQ_PHONE = 1;
    static final String PROMO_URL = "https://promo.leakyshop.example/flash-sale";
    private SharedPreferences prefs;
    private TextView status;
    private TextView coupon;
    private SensorManager sensors;
    private long lastJump;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("leaky", Context.MODE_PRIVATE);
        LinearLayout root = new LinearLayout(this);
        root.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("Leaky Shop");
        root.addView(title);
        status = new TextView(this);
        root.addView(status);
        coupon = new TextView(this);
        root.addView(coupon);
        Button deals = new Button(this);
        deals.setText("Today's deals");
        deals.setOnClickListener(v -> startActivity(new Intent(Intent.ACTION_VIEW, Uri.parse(PROMO_URL))));
        root.addView(deals);
        setContentView(root);
        sensors = (SensorManager) getSystemService(Context.SENSOR_SERVICE);
        if (!prefs.contains("consent")) showPrivacyDialog();
        else status.setText("consent: " + prefs.getString("consent", ""));
    }

    private void showPrivacyDialog() {
        new AlertDialog.Builder(this)
                .setTitle("Privacy Policy")
                .setMessage("Leaky Shop and its partners use your data to personalise offers.")
                .setPositiveButton("Agree", (d, which) -> {
                    prefs.edit().putString("consent", "accepted").apply();
                    status.setText("consent: accepted");
                })
                .setNegativeButton("Disagree", (d, which) -> {
                    prefs.edit().putString("consent", "declined").apply();
                    finish();
                })
                .setCancelable(false)
                .show();
    }

    @Override
    protected void onResume() {
        super.onResume();
        MobclickAgent.onResume(this);
        ClipboardManager cm = (ClipboardManager) getSystemService(Context.CLIPBOARD_SERVICE);
        ClipData clip = cm.getPrimaryClip();
        if (clip != null && clip.getItemCount() > 0) {
            CharSequence text = clip.getItemAt(0).getText();
            if (text != null && text.toString().startsWith("LS-")) coupon.setText("coupon " + text);
        }
        if (checkSelfPermission(Manifest.permission.READ_PHONE_STATE) != PackageManager.PERMISSION_GRANTED) {
            requestPermissions(new String[] {Manifest.permission.READ_PHONE_STATE}, REQ_PHONE);
        }
        Sensor accel = sensors.getDefaultSensor(Sensor.TYPE_ACCELEROMETER);
        sensors.registerListener(this, accel, SensorManager.SENSOR_DELAY_GAME);
    }

    @Override
    protected void onPause() {
        super.onPause();
        MobclickAgent.onPause(this);
        sensors.unregisterListener(this);
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {
        boolean granted = grantResults.length > 0 && grantResults[0] == PackageManager.PERMISSION_GRANTED;
        status.setText(granted ? "phone permission granted" : "phone permission denied");
    }

    @Override
    public void onSensorChanged(SensorEvent event) {
        float x = event.values[0];
        float y = event.values[1];
        float z = event.values[2];
        double g = Math.sqrt(x * x + y * y + z * z);
        long now = System.currentTimeMillis();
        // A "shake" of barely more than gravity is enough: a weak trigger, on purpose.
        if (Math.abs(g - SensorManager.GRAVITY_EARTH) > 2.0 && now - lastJump > 3000) {
            lastJump = now;
            startActivity(new Intent(Intent.ACTION_VIEW, Uri.parse(PROMO_URL + "?from=shake")));
        }
    }

    @Override
    public void onAccuracyChanged(Sensor sensor, int accuracy) {}
}
