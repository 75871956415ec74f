package io.dynscan.loaders;

import android.app.Activity;
import android.os.Bundle;
import android.os.Handler;
import android.os.Looper;
import android.util.Log;
import dalvik.system.DexClassLoader;
import java.io.File;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

public class MainActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        Tracker.collect("app");
        try {
            File jar = extract("beacon.jar");
            for (int i = 0; i < 2; i++) {  // two loaders of one jar: two classes named Beacon
                DexClassLoader loader = new DexClassLoader(jar.getPath(), getCodeCacheDir().getPath(), null,
                        getClassLoader());
                Object r = loader.loadClass("io.dynscan.plugin.Beacon").getMethod("ping", String.class)
                        .invoke(null, "run" + i);
                Log.i("loaders", String.valueOf(r));
            }
        } catch (Exception e) {
            Log.e("loaders", "plug-in failed: " + e);
        }
        Tracker.collect("done");
        // later, a class defined into the loader that already exists: the app's own, grown by addDexPath
        // (hidden API, called by reflection as hot-fix frameworks do)
        new Handler(Looper.getMainLooper()).postDelayed(this::late, 300);
    }

    private void late() {
        try {
            ClassLoader own = getClassLoader();
            own.getClass().getMethod("addDexPath", String.class).invoke(own, extract("late.jar").getPath());
            Object r = own.loadClass("io.dynscan.late.LateSdk").getMethod("collect", String.class).invoke(null, "sdk");
            Log.i("loaders", String.valueOf(r));
        } catch (Exception e) {
            Log.e("loaders", "late SDK failed: " + e);
        }
    }

    private File extract(String name) throws Exception {
        File out = new File(getCodeCacheDir(), name);
        try (InputStream in = getAssets().open(name); OutputStream os = new FileOutputStream(out)) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) os.write(buf, 0, n);
        }
        out.setReadOnly();  // Android 14 refuses writable dex files
        return out;
    }
}
