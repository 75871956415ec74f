package com.example.supercheck;

import android.app.Activity;
import android.content.Intent;
import android.os.Bundle;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.TextView;

/**
 * Overrides every lifecycle callback and calls super, until a "skip onX" button arms one callback: from
 * then on every instance's onX skips super. For onCreate/onStart/onResume the button also starts a new
 * instance, so the armed callback runs at once; the others run on HOME, relaunch or BACK. "throw" throws
 * from a click handler.
 */
public class MainActivity extends Activity {
    static String sSkip = "";

    private boolean callSuper(String callback) { return !sSkip.equals(callback); }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        if (callSuper("onCreate")) super.onCreate(savedInstanceState);
        LinearLayout root = new LinearLayout(this);
        TextView status = new TextView(this);
        status.setText(sSkip.isEmpty() ? "ready" : "armed " + sSkip);
        root.addView(status);
        for (String cb : new String[] {"onCreate", "onStart", "onRestart", "onResume", "onPause", "onStop", "onDestroy"}) {
            Button b = new Button(this);
            b.setText("skip " + cb);
            b.setOnClickListener(v -> {
                sSkip = cb;
                status.setText("armed " + cb);
                if (cb.equals("onCreate") || cb.equals("onStart") || cb.equals("onResume")) {
                    startActivity(new Intent(this, MainActivity.class));
                }
            });
            root.addView(b);
        }
        Button thrower = new Button(this);
        thrower.setText("throw");
        thrower.setOnClickListener(v -> { throw new IllegalStateException("thrown from a click handler"); });
        root.addView(thrower);
        setContentView(root);
    }

    @Override
    protected void onStart() { if (callSuper("onStart")) super.onStart(); }

    @Override
    protected void onRestart() { if (callSuper("onRestart")) super.onRestart(); }

    @Override
    protected void onResume() { if (callSuper("onResume")) super.onResume(); }

    @Override
    protected void onPause() { if (callSuper("onPause")) super.onPause(); }

    @Override
    protected void onStop() { if (callSuper("onStop")) super.onStop(); }

    @Override
    protected void onDestroy() { if (callSuper("onDestroy")) super.onDestroy(); }
}
