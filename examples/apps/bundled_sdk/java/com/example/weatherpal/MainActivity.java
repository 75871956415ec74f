package com.example.weatherpal;

import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.os.Bundle;
import android.widget.TextView;
import com.qq.e.comm.managers.GDTAdSdk;

/** Starts its ad SDK only once the policy, which names the SDK and what it reads, is accepted. */
public class MainActivity extends Activity {
    private SharedPreferences prefs;
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("weatherpal", Context.MODE_PRIVATE);
        status = new TextView(this);
        status.setText("WeatherPal");
        setContentView(status);
        String privacy = prefs.getString("privacy", null);
        if (privacy == null) {
            new AlertDialog.Builder(this)
                    .setTitle("Privacy Policy")
                    .setMessage("WeatherPal shows ads through Tencent GDT, which reads your advertising ID and "
                            + "Android ID and sends them to Tencent. Read our privacy policy.")
                    .setPositiveButton("Agree", (d, w) -> {
                        prefs.edit().putString("privacy", "accepted").apply();
                        startAds();
                    })
                    .setNegativeButton("Disagree", (d, w) -> {
                        prefs.edit().putString("privacy", "declined").apply();
                        status.setText("No ads");
                    })
                    .setCancelable(false)
                    .show();
        } else if (privacy.equals("accepted")) {
            startAds();
        }
    }

    private void startAds() {
        GDTAdSdk.init(getApplicationContext(), "1101152570");
        status.setText("Ads on");
    }
}
