package android.content.pm;

/** The result of resolving an intent. */
public class ResolveInfo {
    public ActivityInfo activityInfo;
    public ServiceInfo serviceInfo;
    public int priority;
    public boolean isDefault;

    public CharSequence loadLabel(PackageManager pm) {
        return activityInfo != null ? activityInfo.applicationInfo.loadLabel(pm) : "";
    }

    @Override public String toString() {
        return "ResolveInfo{" + (activityInfo == null ? "" : activityInfo.packageName + "/" + activityInfo.name) + "}";
    }
}
