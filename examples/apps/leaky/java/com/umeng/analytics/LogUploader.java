package com.umeng.analytics;

import android.util.Log;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Uploads on a background thread with HttpURLConnection, and never lets a failure reach the app. */
public final class LogUploader {
    private static final String TAG = "UMLog";

    private LogUploader() {}

    public static void upload(String url, String body) {
        Thread t = new Thread(() -> send(url, body), "um-upload");
        t.setDaemon(true);
        t.start();
    }

    private static void send(String url, String body) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL(url).openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(5000);
            c.setRequestProperty("User-Agent", "Dalvik/2.1.0 (Linux; U; Android 11; Pixel 5)");
            if (body != null) {
                c.setRequestMethod("POST");
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int code = c.getResponseCode();
            try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                byte[] buf = new byte[4096];
                while (in != null && in.read(buf) != -1) {
                    // drain the response
                }
            }
            Log.i(TAG, "upload " + url + " -> " + code);
        } catch (Exception e) {
            Log.w(TAG, "upload failed: " + e);
        } finally {
            if (c != null) c.disconnect();
        }
    }
}
