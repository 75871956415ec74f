package com.example.news;

import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.net.Uri;
import android.os.Bundle;
import android.os.Handler;
import android.os.Looper;
import android.widget.FrameLayout;
import android.widget.ImageView;
import android.widget.TextView;

/**
 * The splash ad 信管〔2023〕26号 describes: the whole picture is a link (a tap anywhere opens the
 * advertiser's page), and there is nothing to skip or close it with.
 */
public class MainActivity extends Activity {
    static final String AD_URL = "https://ads.example-adnet.com/landing?id=42";
    static final long AD_MS = 4000;
    private SharedPreferences prefs;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("news", Context.MODE_PRIVATE);
        String privacy = prefs.getString("privacy", null);
        if ("accepted".equals(privacy)) {
            showAd();
        } else {
            showNews();
            if (privacy == null) askPolicy();
        }
    }

    private void askPolicy() {
        new AlertDialog.Builder(this)
                .setTitle("隐私政策")
                .setMessage("欢迎使用 Daily News。请阅读《隐私政策》，我们不会收集您的个人信息。")
                .setPositiveButton("同意", (d, w) -> prefs.edit().putString("privacy", "accepted").apply())
                .setNegativeButton("不同意", (d, w) -> prefs.edit().putString("privacy", "declined").apply())
                .setCancelable(false)
                .show();
    }

    private void showAd() {
        FrameLayout ad = new FrameLayout(this);  // the whole ad is the link, not only a button on it
        ad.setOnClickListener(v -> startActivity(new Intent(Intent.ACTION_VIEW, Uri.parse(AD_URL))));
        ImageView picture = new ImageView(this);
        ad.addView(picture);
        TextView label = new TextView(this);
        label.setText("广告");
        ad.addView(label);
        setContentView(ad);
        new Handler(Looper.getMainLooper()).postDelayed(this::showNews, AD_MS);
    }

    private void showNews() {
        TextView news = new TextView(this);
        news.setText("Daily News: today's headlines");
        setContentView(news);
    }
}
