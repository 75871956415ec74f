package android.content;

import android.content.pm.ApplicationInfo;
import android.content.pm.PackageManager;
import java.io.File;

/** A Context that delegates everything to another Context. */
public class ContextWrapper extends Context {
    Context mBase;

    public ContextWrapper(Context base) { mBase = base; }

    protected void attachBaseContext(Context base) {
        if (mBase != null) throw new IllegalStateException("Base context already set");
        mBase = base;
    }

    public Context getBaseContext() { return mBase; }

    @Override public Object getSystemService(String name) { return mBase.getSystemService(name); }
    @Override public ContentResolver getContentResolver() { return mBase.getContentResolver(); }
    @Override public PackageManager getPackageManager() { return mBase.getPackageManager(); }
    @Override public SharedPreferences getSharedPreferences(String name, int mode) {
        return mBase.getSharedPreferences(name, mode);
    }
    @Override public String getPackageName() { return mBase.getPackageName(); }
    @Override public Context getApplicationContext() { return mBase.getApplicationContext(); }
    @Override public ApplicationInfo getApplicationInfo() { return mBase.getApplicationInfo(); }
    @Override public File getFilesDir() { return mBase.getFilesDir(); }
    @Override public File getCacheDir() { return mBase.getCacheDir(); }
    @Override public void startActivity(Intent intent) { mBase.startActivity(intent); }
    @Override public ComponentName startService(Intent service) { return mBase.startService(service); }
    @Override public ComponentName startForegroundService(Intent service) { return mBase.startForegroundService(service); }
    @Override public boolean stopService(Intent service) { return mBase.stopService(service); }
    @Override public void sendBroadcast(Intent intent) { mBase.sendBroadcast(intent); }
    @Override public boolean bindService(Intent service, ServiceConnection conn, int flags) {
        return mBase.bindService(service, conn, flags);
    }
    @Override public void unbindService(ServiceConnection conn) { mBase.unbindService(conn); }
    @Override public Intent registerReceiver(BroadcastReceiver receiver, IntentFilter filter) {
        return mBase.registerReceiver(receiver, filter);
    }
    @Override public void unregisterReceiver(BroadcastReceiver receiver) { mBase.unregisterReceiver(receiver); }
    @Override public int checkSelfPermission(String permission) { return mBase.checkSelfPermission(permission); }
    @Override public int checkCallingOrSelfPermission(String permission) {
        return mBase.checkCallingOrSelfPermission(permission);
    }
    @Override public int checkPermission(String permission, int pid, int uid) {
        return mBase.checkPermission(permission, pid, uid);
    }
    @Override public ClassLoader getClassLoader() { return mBase.getClassLoader(); }
}
