package io.dynscan.crashalways;

import android.app.Activity;
import android.os.Bundle;

/** Throws before its first screen: every launch ends in a crash. */
public class MainActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        throw new IllegalStateException("config missing");
    }
}
