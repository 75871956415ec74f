package android.content.pm;

/** Information about an installed application. */
public class ApplicationInfo extends PackageItemInfo {
    public static final int FLAG_SYSTEM = 1;
    public static final int FLAG_DEBUGGABLE = 2;
    public String className;
    public int flags;
    public int uid;
    public String sourceDir;
    public String dataDir;
    public int targetSdkVersion = 30;
    public boolean enabled = true;

    @Override public String toString() {
        return "ApplicationInfo{" + Integer.toHexString(System.identityHashCode(this)) + " " + packageName + "}";
    }
}
