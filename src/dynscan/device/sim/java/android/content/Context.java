package android.content;

import android.content.pm.ApplicationInfo;
import android.content.pm.PackageManager;
import java.io.File;

/** Interface to global information about an application environment. */
public abstract class Context {
    public static final int MODE_PRIVATE = 0;
    public static final int MODE_APPEND = 32768;
    public static final String ACTIVITY_SERVICE = "activity";
    public static final String TELEPHONY_SERVICE = "phone";
    public static final String WIFI_SERVICE = "wifi";
    public static final String LOCATION_SERVICE = "location";
    public static final String SENSOR_SERVICE = "sensor";
    public static final String CLIPBOARD_SERVICE = "clipboard";
    public static final String ACCOUNT_SERVICE = "account";
    public static final String CONNECTIVITY_SERVICE = "connectivity";
    public static final String WINDOW_SERVICE = "window";
    public static final String LAYOUT_INFLATER_SERVICE = "layout_inflater";
    public static final String NOTIFICATION_SERVICE = "notification";
    public static final String AUDIO_SERVICE = "audio";
    public static final String VIBRATOR_SERVICE = "vibrator";
    public static final String ALARM_SERVICE = "alarm";
    public static final String DOWNLOAD_SERVICE = "download";
    public static final String JOB_SCHEDULER_SERVICE = "jobscheduler";
    public static final String BLUETOOTH_SERVICE = "bluetooth";
    public static final String CAMERA_SERVICE = "camera";
    public static final String USAGE_STATS_SERVICE = "usagestats";
    public static final String DEVICE_POLICY_SERVICE = "device_policy";
    public static final String TELEPHONY_SUBSCRIPTION_SERVICE = "telephony_subscription_service";

    public abstract Object getSystemService(String name);
    public abstract ContentResolver getContentResolver();
    public abstract PackageManager getPackageManager();
    public abstract SharedPreferences getSharedPreferences(String name, int mode);
    public abstract String getPackageName();
    public abstract Context getApplicationContext();
    public abstract ApplicationInfo getApplicationInfo();
    public abstract File getFilesDir();
    public abstract File getCacheDir();
    public abstract void startActivity(Intent intent);
    public abstract ComponentName startService(Intent service);
    public abstract ComponentName startForegroundService(Intent service);
    public abstract boolean stopService(Intent service);
    public abstract void sendBroadcast(Intent intent);
    public abstract boolean bindService(Intent service, ServiceConnection conn, int flags);
    public abstract void unbindService(ServiceConnection conn);
    public abstract Intent registerReceiver(BroadcastReceiver receiver, IntentFilter filter);
    public abstract void unregisterReceiver(BroadcastReceiver receiver);
    public static final int BIND_AUTO_CREATE = 0x0001;
    public abstract int checkSelfPermission(String permission);
    public abstract int checkCallingOrSelfPermission(String permission);
    /** What AndroidX ContextCompat.checkSelfPermission calls (with the app's own pid and uid). */
    public abstract int checkPermission(String permission, int pid, int uid);
    public abstract ClassLoader getClassLoader();

    public android.os.Looper getMainLooper() { return android.os.Looper.getMainLooper(); }

    public final String getString(int resId) { return "string/" + resId; }
}
