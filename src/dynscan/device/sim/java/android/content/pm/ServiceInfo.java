package android.content.pm;

/** Information about a service. */
public class ServiceInfo extends PackageItemInfo {
    public ApplicationInfo applicationInfo;
}
