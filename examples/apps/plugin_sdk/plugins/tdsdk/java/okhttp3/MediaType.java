package okhttp3;

/** OkHttp's media type (the part of its API the sample uses; the app bundles it as it bundles OkHttp). */
public final class MediaType {
    private final String value;

    private MediaType(String value) { this.value = value; }

    public static MediaType parse(String value) { return new MediaType(value); }

    @Override public String toString() { return value; }
}
