package com.qq.e.comm.managers;

import android.content.Context;
import android.content.SharedPreferences;
import android.provider.Settings;
import android.util.Log;
import com.google.android.gms.ads.identifier.AdvertisingIdClient;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The ad SDK's entry point (GDT's public name): a device report through OkHttp at each start, off the main thread. */
public final class GDTAdSdk {
    static final String REPORT_URL = "https://mi.gdt.qq.com/gdt_mview.fcg";
    private static boolean started;

    private GDTAdSdk() {}

    public static synchronized void init(Context context, String appId) {
        if (started) return;
        started = true;
        Thread t = new Thread(() -> report(context, appId), "GDT-init");
        t.setDaemon(true);
        t.start();
    }

    private static void report(Context context, String appId) {
        try {
            // the advertising ID at every start (a user may reset it), the Android ID once and kept
            String adid = AdvertisingIdClient.getAdvertisingIdInfo(context).getId();
            SharedPreferences cache = context.getSharedPreferences("gdt_sdk", Context.MODE_PRIVATE);
            String androidId = cache.getString("aid", null);
            if (androidId == null) {
                androidId = Settings.Secure.getString(context.getContentResolver(), Settings.Secure.ANDROID_ID);
                cache.edit().putString("aid", androidId).apply();
            }
            String body = "appid=" + appId + "&adid=" + adid + "&aid=" + androidId;
            Request request = new Request.Builder().url(REPORT_URL)
                    .post(RequestBody.create(body, MediaType.parse("application/x-www-form-urlencoded"))).build();
            try (Response response = new OkHttpClient().newCall(request).execute()) {
                Log.i("GDT", "report: " + response.code());
            }
        } catch (Exception e) {
            Log.w("GDT", "report failed: " + e);
        }
    }
}
