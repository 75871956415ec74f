package com.example.cardvault;

import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.os.Bundle;
import android.util.Log;
import android.widget.TextView;
import dalvik.system.DexClassLoader;
import java.io.File;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/** Loads its analytics plug-in only once the policy, which names the SDK and the Android ID, is accepted. */
public class MainActivity extends Activity {
    static final String PLUGIN = "tdsdk.jar";
    private static boolean loaded;
    private SharedPreferences prefs;
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("cardvault", Context.MODE_PRIVATE);
        status = new TextView(this);
        status.setText("CardVault");
        setContentView(status);
        String privacy = prefs.getString("privacy", null);
        if (privacy == null) {
            new AlertDialog.Builder(this)
                    .setTitle("Privacy Policy")
                    .setMessage("CardVault measures app usage with TalkingData, which reads your Android ID and "
                            + "sends it to TalkingData. Read our privacy policy.")
                    .setPositiveButton("Agree", (d, w) -> {
                        prefs.edit().putString("privacy", "accepted").apply();
                        startAnalytics();
                    })
                    .setNegativeButton("Disagree", (d, w) -> {
                        prefs.edit().putString("privacy", "declined").apply();
                        status.setText("Analytics off");
                    })
                    .setCancelable(false)
                    .show();
        } else if (privacy.equals("accepted")) {
            startAnalytics();
        }
    }

    private void startAnalytics() {
        if (loaded) return;
        loaded = true;
        try {
            File jar = extract();
            ClassLoader loader = new DexClassLoader(jar.getPath(), getCodeCacheDir().getPath(), null, getClassLoader());
            loader.loadClass("com.tendcloud.tenddata.TCAgent")
                    .getMethod("init", Context.class, String.class, String.class)
                    .invoke(null, getApplicationContext(), "B3C2A1D0E9F8", "official");
            status.setText("Analytics on");
        } catch (Exception e) {
            Log.w("CardVault", "analytics plug-in failed: " + e);
        }
    }

    private File extract() throws Exception {
        File out = new File(getCodeCacheDir(), PLUGIN);
        out.delete();
        try (InputStream in = getAssets().open(PLUGIN); OutputStream os = new FileOutputStream(out)) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) os.write(buf, 0, n);
        }
        out.setReadOnly();  // Android 14 refuses to load a writable dex file
        return out;
    }
}
