package cn.jpush.android.api;

import android.content.Context;
import android.telephony.TelephonyManager;
import android.util.Log;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** A push SDK's entry point (JPush's public name): once initialised it reports the device every few seconds. */
public final class JPushInterface {
    static final String REPORT_URL = "https://tsis.jpush.cn/v1/report";
    static final long PERIOD_MS = 2000;
    private static Thread reporter;

    private JPushInterface() {}

    public static synchronized void init(Context context) {
        if (reporter != null) return;
        Context app = context.getApplicationContext();
        reporter = new Thread(() -> {
            while (true) {
                report(app);
                try {
                    Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "jpush-report");
        reporter.setDaemon(true);
        reporter.start();
    }

    private static void report(Context app) {
        try {
            TelephonyManager tm = (TelephonyManager) app.getSystemService(Context.TELEPHONY_SERVICE);
            String body = "imei=" + tm.getImei() + "&platform=a";
            HttpURLConnection c = (HttpURLConnection) new URL(REPORT_URL).openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            c.getResponseCode();
            c.disconnect();
        } catch (Exception e) {
            Log.w("JPush", "report failed: " + e);
        }
    }
}
