package com.example.notice;

import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.os.Bundle;
import android.widget.TextView;

/** Shows its privacy policy once, with 我知道了 as the only answer, and collects nothing. */
public class MainActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        SharedPreferences prefs = getSharedPreferences("notice", Context.MODE_PRIVATE);
        TextView notes = new TextView(this);
        notes.setText("Notice Notes");
        setContentView(notes);
        if (!prefs.getBoolean("told", false)) {
            new AlertDialog.Builder(this)
                    .setTitle("隐私政策")
                    .setMessage("欢迎使用！请阅读《隐私政策》，继续使用即表示您同意本政策。")
                    .setPositiveButton("我知道了", (d, w) -> prefs.edit().putBoolean("told", true).apply())
                    .setCancelable(false)
                    .show();
        }
    }
}
