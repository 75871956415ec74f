package com.tendcloud.tenddata;

import android.content.Context;
import android.content.SharedPreferences;
import android.provider.Settings;
import android.util.Log;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The analytics SDK's entry point (TalkingData's public name), shipped as a plug-in with its own OkHttp (the app
 * has none): a device report at each start. Its OkHttp exists only in the plug-in's run-time loader.
 */
public final class TCAgent {
    static final String REPORT_URL = "https://cloud.xdrig.com/g/d";

    private TCAgent() {}

    public static void init(Context context, String appId, String channel) {
        Thread t = new Thread(() -> report(context, appId, channel), "TD-init");
        t.setDaemon(true);
        t.start();
    }

    private static void report(Context context, String appId, String channel) {
        try {
            SharedPreferences cache = context.getSharedPreferences("td_sdk", Context.MODE_PRIVATE);
            String androidId = cache.getString("aid", null);
            if (androidId == null) {  // read once and kept; every start reports it
                androidId = Settings.Secure.getString(context.getContentResolver(), Settings.Secure.ANDROID_ID);
                cache.edit().putString("aid", androidId).apply();
            }
            String body = "appkey=" + appId + "&ch=" + channel + "&aid=" + androidId;
            Request request = new Request.Builder().url(REPORT_URL)
                    .post(RequestBody.create(body, MediaType.parse("application/x-www-form-urlencoded"))).build();
            try (Response response = new OkHttpClient().newCall(request).execute()) {
                Log.i("TD", "report: " + response.code());
            }
        } catch (Exception e) {
            Log.w("TD", "report failed: " + e);
        }
    }
}
