package android.content.pm;

/** Information about a content provider. */
public final class ProviderInfo extends PackageItemInfo {
    public String authority;
    public boolean exported = true;
}
