package com.example.compliant;

import android.Manifest;
import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.content.pm.PackageManager;
import android.location.Location;
import android.location.LocationManager;
import android.net.Uri;
import android.os.Bundle;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.TextView;

/** Privacy dialog first; after "Agree", explains and then asks for coarse location once. */
public class MainActivity extends Activity {
    static final int REQ_LOCATION = 42;
    private SharedPreferences prefs;
    private TextView status;
    private TextView weather;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences(CompliantApp.PREFS, Context.MODE_PRIVATE);
        LinearLayout root = new LinearLayout(this);
        root.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("Good Weather");
        root.addView(title);
        status = new TextView(this);
        root.addView(status);
        weather = new TextView(this);
        weather.setText("Weather: Beijing (default city)");
        root.addView(weather);
        Button help = new Button(this);
        help.setText("Help");
        help.setOnClickListener(v -> startActivity(new Intent(Intent.ACTION_VIEW, Uri.parse("https://goodweather.example/help"))));
        root.addView(help);
        setContentView(root);

        String consent = prefs.getString("consent", null);
        if (consent == null) showPrivacyDialog();
        else if (consent.equals("accepted")) startFeatures(false);
        else status.setText("Basic mode: no personal data is used");
    }

    private void showPrivacyDialog() {
        new AlertDialog.Builder(this)
                .setTitle("Privacy Policy")
                .setMessage("Good Weather uses your approximate location, only if you allow it, to show local weather. "
                        + "Nothing is shared with third parties.")
                .setPositiveButton("Agree", (d, which) -> {
                    prefs.edit().putString("consent", "accepted").apply();
                    startFeatures(true);
                })
                .setNegativeButton("Disagree", (d, which) -> {
                    prefs.edit().putString("consent", "declined").apply();
                    status.setText("Basic mode: no personal data is used");
                })
                .setCancelable(false)
                .show();
    }

    private void startFeatures(boolean firstTime) {
        status.setText("Thanks! Personalised weather is on");
        if (checkSelfPermission(Manifest.permission.ACCESS_COARSE_LOCATION) == PackageManager.PERMISSION_GRANTED) {
            showLocalWeather();
        } else if (firstTime) {
            new AlertDialog.Builder(this)
                    .setTitle("Local weather")
                    .setMessage("To show the weather where you are, Good Weather needs your approximate location.")
                    .setPositiveButton("Continue", (d, w) ->
                            requestPermissions(new String[] {Manifest.permission.ACCESS_COARSE_LOCATION}, REQ_LOCATION))
                    .setNegativeButton("Not now", (d, w) -> weather.setText("Weather: Beijing (default city)"))
                    .show();
        }
    }

    private void showLocalWeather() {
        LocationManager lm = (LocationManager) getSystemService(Context.LOCATION_SERVICE);
        Location l = lm.getLastKnownLocation(LocationManager.NETWORK_PROVIDER);
        weather.setText(l == null ? "Weather: unknown" : String.format("Weather at %.1f, %.1f: sunny", l.getLatitude(), l.getLongitude()));
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {
        if (requestCode != REQ_LOCATION) return;
        if (grantResults.length > 0 && grantResults[0] == PackageManager.PERMISSION_GRANTED) showLocalWeather();
        else weather.setText("Weather: Beijing (location not allowed)");
    }
}
