package android.content.pm;

/** Information about an activity. */
public class ActivityInfo extends PackageItemInfo {
    public ApplicationInfo applicationInfo;
    public boolean exported = true;
}
