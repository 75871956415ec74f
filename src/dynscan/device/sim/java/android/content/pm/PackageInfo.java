package android.content.pm;

/** Information about an installed package. */
public class PackageInfo {
    public String packageName;
    public String versionName;
    public int versionCode;
    public long firstInstallTime;
    public long lastUpdateTime;
    public ApplicationInfo applicationInfo;
    public String[] requestedPermissions;

    public long getLongVersionCode() { return versionCode; }

    @Override public String toString() {
        return "PackageInfo{" + Integer.toHexString(System.identityHashCode(this)) + " " + packageName + "}";
    }
}
