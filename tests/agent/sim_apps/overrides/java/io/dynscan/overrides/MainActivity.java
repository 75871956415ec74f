package io.dynscan.overrides;

import android.app.Activity;
import android.os.Bundle;
import android.provider.Settings;
import android.util.Log;
import android.widget.TextView;

/** Every lifecycle override calls super; onResume and onStop only after reading the Android ID. */
public class MainActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        TextView t = new TextView(this);
        t.setText("overrides");
        setContentView(t);
    }

    @Override
    protected void onStart() { super.onStart(); }

    @Override
    protected void onRestart() { super.onRestart(); }

    @Override
    protected void onResume() {
        Log.i("overrides", "resume " + Settings.Secure.getString(getContentResolver(), Settings.Secure.ANDROID_ID));
        super.onResume();
    }

    @Override
    protected void onPause() { super.onPause(); }

    @Override
    protected void onStop() {
        Log.i("overrides", "stop " + Settings.Secure.getString(getContentResolver(), Settings.Secure.ANDROID_ID));
        super.onStop();
    }

    @Override
    protected void onDestroy() { super.onDestroy(); }
}
