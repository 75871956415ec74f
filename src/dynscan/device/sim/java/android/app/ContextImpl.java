package android.app;

import android.accounts.AccountManager;
import android.content.ComponentName;
import android.content.ClipboardManager;
import android.content.ContentResolver;
import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.content.pm.ApplicationInfo;
import android.content.pm.PackageManager;
import android.hardware.SensorManager;
import android.location.LocationManager;
import android.net.ConnectivityManager;
import android.net.wifi.WifiManager;
import android.telephony.TelephonyManager;
import dynscan.sim.Sim;
import java.io.File;
import java.util.HashMap;
import java.util.Map;

/** The app's base Context. */
final class ContextImpl extends Context {
    private final Map<String, Object> services = new HashMap<>();
    private final Map<String, SharedPreferences> prefs = new HashMap<>();
    private final ContentResolver resolver = new ContentResolver(this);
    private final PackageManager pm = new ApplicationPackageManager();

    @Override public synchronized Object getSystemService(String name) {
        if (name == null) return null;
        Object s = services.get(name);
        if (s != null) return s;
        switch (name) {
            case TELEPHONY_SERVICE: s = new TelephonyManager(); break;
            case WIFI_SERVICE: s = new WifiManager(); break;
            case LOCATION_SERVICE: s = new LocationManager(); break;
            case SENSOR_SERVICE: s = new SensorManager(); break;
            case CLIPBOARD_SERVICE: s = new ClipboardManager(); break;
            case ACTIVITY_SERVICE: s = new ActivityManager(); break;
            case ACCOUNT_SERVICE: s = AccountManager.get(this); break;
            case CONNECTIVITY_SERVICE: s = new ConnectivityManager(); break;
            case ALARM_SERVICE: s = new AlarmManager(); break;
            case DOWNLOAD_SERVICE: s = new DownloadManager(); break;
            case JOB_SCHEDULER_SERVICE: s = new android.app.job.JobScheduler(); break;
            case CAMERA_SERVICE: s = new android.hardware.camera2.CameraManager(); break;
            case BLUETOOTH_SERVICE: s = new android.bluetooth.BluetoothManager(); break;
            case USAGE_STATS_SERVICE: s = new android.app.usage.UsageStatsManager(); break;
            case DEVICE_POLICY_SERVICE: s = new android.app.admin.DevicePolicyManager(); break;
            case TELEPHONY_SUBSCRIPTION_SERVICE: s = new android.telephony.SubscriptionManager(); break;
            default: return null;
        }
        services.put(name, s);
        return s;
    }

    @Override public ContentResolver getContentResolver() { return resolver; }
    @Override public PackageManager getPackageManager() { return pm; }

    @Override public synchronized SharedPreferences getSharedPreferences(String name, int mode) {
        return prefs.computeIfAbsent(name, n -> new SharedPreferencesImpl(
                new File(new File(Sim.dataDir, "shared_prefs"), n + ".properties")));
    }

    @Override public String getPackageName() { return Sim.packageName; }
    @Override public Context getApplicationContext() { return ActivityThread.sApp; }

    @Override public ApplicationInfo getApplicationInfo() {
        try {
            return pm.getApplicationInfo(Sim.packageName, 0);
        } catch (PackageManager.NameNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static File dir(String name) {
        File f = new File(Sim.dataDir, name);
        f.mkdirs();
        return f;
    }

    @Override public File getFilesDir() { return dir("files"); }
    @Override public File getCacheDir() { return dir("cache"); }
    @Override public File getCodeCacheDir() { return dir("code_cache"); }
    @Override public android.content.res.AssetManager getAssets() { return android.content.res.AssetManager.forApp(); }
    @Override public void startActivity(Intent intent) { ActivityThread.startActivity(intent); }
    @Override public ComponentName startService(Intent service) { return ActivityThread.startService(service); }
    @Override public ComponentName startForegroundService(Intent service) { return ActivityThread.startService(service); }
    @Override public boolean stopService(Intent service) {
        ComponentName cn = service.getComponent();
        return cn != null && cn.getPackageName().equals(Sim.packageName) && ActivityThread.stopService(cn.getClassName());
    }
    @Override public void sendBroadcast(Intent intent) { ActivityThread.sendBroadcast(intent); }
    @Override public boolean bindService(Intent service, android.content.ServiceConnection conn, int flags) {
        return ActivityThread.bindService(service, conn);
    }
    @Override public void unbindService(android.content.ServiceConnection conn) {}

    @Override public Intent registerReceiver(android.content.BroadcastReceiver receiver, android.content.IntentFilter filter) {
        return registerReceiverInternal(receiver, 0, filter, null, null, this, 0);
    }

    /** Where every registerReceiver overload ends, as in AOSP (the hook catalog's registration hook). */
    private Intent registerReceiverInternal(android.content.BroadcastReceiver receiver, int userId,
            android.content.IntentFilter filter, String broadcastPermission, android.os.Handler scheduler,
            android.content.Context context, int flags) {
        ActivityThread.registerReceiver(receiver, filter, context);
        return null;
    }

    @Override public void unregisterReceiver(android.content.BroadcastReceiver receiver) {
        ActivityThread.unregisterReceiver(receiver);
    }

    @Override public int checkSelfPermission(String permission) {
        return ActivityThread.granted(permission) ? PackageManager.PERMISSION_GRANTED : PackageManager.PERMISSION_DENIED;
    }

    @Override public int checkCallingOrSelfPermission(String permission) { return checkSelfPermission(permission); }
    /** Only the app's own process holds its grants here; any other pid/uid is denied. */
    @Override public int checkPermission(String permission, int pid, int uid) {
        return pid == android.os.Process.myPid() && uid == android.os.Process.myUid()
            ? checkSelfPermission(permission) : PackageManager.PERMISSION_DENIED;
    }
    @Override public ClassLoader getClassLoader() { return Sim.appLoader(); }
}
