package android.app;

import android.content.ComponentName;
import android.content.Intent;
import android.content.pm.ActivityInfo;
import android.content.pm.ApplicationInfo;
import android.content.pm.PackageInfo;
import android.content.pm.PackageManager;
import android.content.pm.ResolveInfo;
import dynscan.sim.Sim;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** The PackageManager of the virtual device: packages come from the device's packages.tsv. */
final class ApplicationPackageManager extends PackageManager {
    /** One line of packages.tsv: package, label, launcher activity, system (0/1), version. */
    static String[] packageLine(String pkg) {
        for (String[] l : lines()) if (l[0].equals(pkg)) return l;
        return null;
    }

    static List<String[]> lines() {
        List<String[]> out = new ArrayList<>();
        String text = Sim.readFile(new File(Sim.deviceDir, "packages.tsv"));
        if (text == null) return out;
        for (String line : text.split("\n")) {
            String[] p = line.split("\t", -1);
            if (p.length >= 5) out.add(p);
        }
        return out;
    }

    private static ApplicationInfo appInfo(String[] l) {
        ApplicationInfo ai = new ApplicationInfo();
        ai.packageName = l[0];
        ai.name = null;
        ai.nonLocalizedLabel = l[1];
        ai.flags = "1".equals(l[3]) ? ApplicationInfo.FLAG_SYSTEM : 0;
        ai.uid = 10000 + Math.abs(l[0].hashCode() % 9000);
        ai.sourceDir = "/data/app/" + l[0] + "/base.apk";
        ai.dataDir = "/data/user/0/" + l[0];
        return ai;
    }

    private static PackageInfo packageInfo(String[] l) {
        PackageInfo pi = new PackageInfo();
        pi.packageName = l[0];
        pi.versionName = l[4].isEmpty() ? "1.0" : l[4];
        pi.versionCode = 1;
        pi.firstInstallTime = 1700000000000L;
        pi.lastUpdateTime = 1700000000000L;
        pi.applicationInfo = appInfo(l);
        return pi;
    }

    private static ResolveInfo resolve(String[] l, String activity) {
        ResolveInfo ri = new ResolveInfo();
        ri.activityInfo = new ActivityInfo();
        ri.activityInfo.packageName = l[0];
        ri.activityInfo.name = activity;
        ri.activityInfo.applicationInfo = appInfo(l);
        return ri;
    }

    @Override public List<PackageInfo> getInstalledPackages(int flags) {
        List<PackageInfo> out = new ArrayList<>();
        for (String[] l : lines()) out.add(packageInfo(l));
        return out;
    }

    @Override public List<ApplicationInfo> getInstalledApplications(int flags) {
        List<ApplicationInfo> out = new ArrayList<>();
        for (String[] l : lines()) out.add(appInfo(l));
        return out;
    }

    @Override public List<ResolveInfo> queryIntentActivities(Intent intent, int flags) {
        List<ResolveInfo> out = new ArrayList<>();
        ComponentName cn = intent.getComponent();
        String scheme = intent.getData() == null ? null : intent.getData().getScheme();
        for (String[] l : lines()) {
            if (cn != null && !cn.getPackageName().equals(l[0])) continue;
            if (intent.getPackage() != null && !intent.getPackage().equals(l[0])) continue;
            if (Intent.ACTION_VIEW.equals(intent.getAction()) && ("http".equals(scheme) || "https".equals(scheme))) {
                if (l[0].equals(ActivityThread.BROWSER)) out.add(resolve(l, "com.google.android.apps.chrome.Main"));
                continue;
            }
            if (!l[2].isEmpty()) out.add(resolve(l, cn != null ? cn.getClassName() : l[2]));
        }
        return out;
    }

    @Override public ResolveInfo resolveActivity(Intent intent, int flags) {
        List<ResolveInfo> l = queryIntentActivities(intent, flags);
        return l.isEmpty() ? null : l.get(0);
    }

    @Override public PackageInfo getPackageInfo(String packageName, int flags) throws NameNotFoundException {
        String[] l = packageLine(packageName);
        if (l == null) throw new NameNotFoundException(packageName);
        PackageInfo pi = packageInfo(l);
        if (packageName.equals(Sim.packageName)) {
            pi.requestedPermissions = Sim.manifest.permissions.toArray(new String[0]);
            if (Sim.manifest.versionName != null) pi.versionName = Sim.manifest.versionName;
        }
        return pi;
    }

    @Override public ApplicationInfo getApplicationInfo(String packageName, int flags) throws NameNotFoundException {
        String[] l = packageLine(packageName);
        if (l == null) throw new NameNotFoundException(packageName);
        ApplicationInfo ai = appInfo(l);
        if (packageName.equals(Sim.packageName)) ai.className = Sim.manifest.applicationClass;
        return ai;
    }

    @Override public Intent getLaunchIntentForPackage(String packageName) {
        String[] l = packageLine(packageName);
        if (l == null || l[2].isEmpty()) return null;
        return new Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_LAUNCHER).setClassName(packageName, l[2])
                .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK);
    }

    @Override public int checkPermission(String permName, String packageName) {
        return packageName.equals(Sim.packageName) && ActivityThread.granted(permName) ? PERMISSION_GRANTED : PERMISSION_DENIED;
    }

    @Override public CharSequence getApplicationLabel(ApplicationInfo info) { return info.loadLabel(this); }

    @Override public ActivityInfo getActivityInfo(ComponentName component, int flags) throws NameNotFoundException {
        String[] l = packageLine(component.getPackageName());
        if (l == null) throw new NameNotFoundException(component.flattenToString());
        return resolve(l, component.getClassName()).activityInfo;
    }

    /** Hidden API (by reflection): the package as seen by user {@code userId}; only user 0 exists. */
    public PackageInfo getPackageInfoAsUser(String packageName, int flags, int userId) throws NameNotFoundException {
        if (userId != 0) throw new NameNotFoundException(packageName);
        return getPackageInfo(packageName, flags);
    }

    @Override public String getInstallerPackageName(String packageName) {
        String[] l = packageLine(packageName);
        if (l == null) throw new IllegalArgumentException("Unknown package: " + packageName);
        return "1".equals(l[3]) ? null : "com.android.vending";
    }

    @Override public List<ResolveInfo> queryIntentServices(Intent intent, int flags) {
        return new ArrayList<>();
    }

    @Override public String[] getPackagesForUid(int uid) {
        for (String[] l : lines()) if (appInfo(l).uid == uid) return new String[] {l[0]};
        return null;
    }

    /** Providers of the system apps, by authority (AOSP's packages). */
    private static final String[][] SYSTEM_PROVIDERS = {
        {"com.android.contacts", "com.android.providers.contacts"}, {"contacts", "com.android.providers.contacts"},
        {"call_log", "com.android.providers.contacts"}, {"sms", "com.android.providers.telephony"},
        {"mms", "com.android.providers.telephony"}, {"mms-sms", "com.android.providers.telephony"},
        {"telephony", "com.android.providers.telephony"}, {"com.android.calendar", "com.android.providers.calendar"},
        {"media", "com.android.providers.media"}, {"settings", "com.android.providers.settings"},
        {"downloads", "com.android.providers.downloads"},
    };

    /**
     * The package owning a provider authority: a system provider, the app's own (its manifest's
     * {@code <provider android:authorities>}), or an installed app whose package name the authority is or
     * starts with (the virtual device's other apps each have such providers); null when none.
     */
    static String providerOwner(String authority) {
        for (String[] p : SYSTEM_PROVIDERS) if (p[0].equals(authority)) return p[1];
        if (Sim.manifest.authorities.contains(authority)) return Sim.packageName;
        for (String[] l : lines()) {
            if (!"1".equals(l[3]) && (authority.equals(l[0]) || authority.startsWith(l[0] + "."))) return l[0];
        }
        return null;
    }

    @Override public android.content.pm.ProviderInfo resolveContentProvider(String authority, int flags) {
        String owner = authority == null ? null : providerOwner(authority);
        if (owner == null) return null;
        android.content.pm.ProviderInfo pi = new android.content.pm.ProviderInfo();
        pi.authority = authority;
        pi.packageName = owner;
        pi.name = owner + ".Provider";
        return pi;
    }

    /** True when the app declares REQUEST_INSTALL_PACKAGES (the virtual device's user allowed unknown sources). */
    @Override public boolean canRequestPackageInstalls() {
        return Sim.manifest.permissions.contains("android.permission.REQUEST_INSTALL_PACKAGES");
    }

    private android.content.pm.PackageInstaller installer;

    @Override public synchronized android.content.pm.PackageInstaller getPackageInstaller() {
        if (installer == null) installer = new android.content.pm.PackageInstaller();
        return installer;
    }
}
