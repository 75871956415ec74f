package com.example.trouble;

import android.app.Activity;
import android.os.Bundle;
import android.widget.TextView;

/** A second screen, to check the activity stack. */
public class SecondActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        TextView t = new TextView(this);
        t.setText("second screen");
        setContentView(t);
    }
}
