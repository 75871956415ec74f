package com.umeng.analytics;

import android.content.Context;
import android.content.pm.PackageInfo;
import android.net.wifi.WifiInfo;
import android.net.wifi.WifiManager;
import android.provider.Settings;
import android.telephony.TelephonyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** Reads the device's identifiers the way many analytics SDKs do: each in its own try/catch. */
public final class DeviceCollector {
    private final Context context;
    private String imei = "";
    private String androidId = "";
    private String mac = "";
    private String apps = "";

    public DeviceCollector(Context context) { this.context = context; }

    public String collect(String appKey, String channel) {
        TelephonyManager tm = (TelephonyManager) context.getSystemService(Context.TELEPHONY_SERVICE);
        try {
            imei = nonNull(tm.getDeviceId());
        } catch (SecurityException e) {
            imei = "";
        }
        androidId = nonNull(Settings.Secure.getString(context.getContentResolver(), Settings.Secure.ANDROID_ID));
        try {
            WifiManager wm = (WifiManager) context.getSystemService(Context.WIFI_SERVICE);
            WifiInfo info = wm.getConnectionInfo();
            mac = nonNull(info.getMacAddress());
        } catch (SecurityException e) {
            mac = "";
        }
        StringBuilder sb = new StringBuilder();
        List<PackageInfo> installed = context.getPackageManager().getInstalledPackages(0);
        for (PackageInfo p : installed) {
            if (sb.length() > 0) sb.append(',');
            sb.append(p.packageName);
        }
        apps = sb.toString();
        return "appkey=" + appKey + "&channel=" + channel
                + "&imei_md5=" + md5(imei) + "&aid_md5=" + md5(androidId) + "&mac_md5=" + md5(mac)
                + "&apps_md5=" + md5(apps) + "&sdk_version=9.6.3";
    }

    public String cleartextQuery() { return "aid=" + md5(androidId) + "&t=" + System.currentTimeMillis(); }

    private static String nonNull(String s) { return s == null ? "" : s; }

    public static String md5(String s) {
        try {
            MessageDigest d = MessageDigest.getInstance("MD5");
            StringBuilder hex = new StringBuilder();
            for (byte b : d.digest(s.getBytes(StandardCharsets.UTF_8))) hex.append(String.format("%02x", b));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            return "";
        }
    }
}
