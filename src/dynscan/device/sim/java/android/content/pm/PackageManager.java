package android.content.pm;

import android.content.ComponentName;
import android.content.Intent;
import java.util.List;

/** Information about the packages installed on the device. */
public abstract class PackageManager {
    public static final int PERMISSION_GRANTED = 0;
    public static final int PERMISSION_DENIED = -1;
    public static final int GET_ACTIVITIES = 0x1;
    public static final int GET_SERVICES = 0x4;
    public static final int GET_META_DATA = 0x80;
    public static final int GET_PERMISSIONS = 0x1000;
    public static final int MATCH_ALL = 0x20000;
    public static final int MATCH_DEFAULT_ONLY = 0x10000;

    /** The named package is not installed. */
    public static class NameNotFoundException extends android.util.AndroidException {
        public NameNotFoundException() {}

        public NameNotFoundException(String name) { super(name); }
    }

    public abstract List<PackageInfo> getInstalledPackages(int flags);
    public abstract List<ApplicationInfo> getInstalledApplications(int flags);
    public abstract List<ResolveInfo> queryIntentActivities(Intent intent, int flags);
    public abstract ResolveInfo resolveActivity(Intent intent, int flags);
    public abstract PackageInfo getPackageInfo(String packageName, int flags) throws NameNotFoundException;
    public abstract ApplicationInfo getApplicationInfo(String packageName, int flags) throws NameNotFoundException;
    public abstract Intent getLaunchIntentForPackage(String packageName);
    @Deprecated
    public abstract String getInstallerPackageName(String packageName);
    public abstract List<ResolveInfo> queryIntentServices(Intent intent, int flags);
    public abstract String[] getPackagesForUid(int uid);
    public abstract int checkPermission(String permName, String packageName);
    public abstract CharSequence getApplicationLabel(ApplicationInfo info);
    public abstract ActivityInfo getActivityInfo(ComponentName component, int flags) throws NameNotFoundException;
    public abstract ProviderInfo resolveContentProvider(String authority, int flags);
    public abstract boolean canRequestPackageInstalls();
    public abstract PackageInstaller getPackageInstaller();
}
