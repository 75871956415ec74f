package okhttp3;

public final class HttpUrl {
    private final String url;

    HttpUrl(String url) { this.url = url; }

    @Override public String toString() { return url; }
}
