package okhttp3;

public final class Request {
    final HttpUrl url;
    final RequestBody body;

    private Request(Builder b) {
        this.url = new HttpUrl(b.url);
        this.body = b.body;
    }

    public HttpUrl url() { return url; }

    public static final class Builder {
        String url;
        RequestBody body;

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder post(RequestBody body) {
            this.body = body;
            return this;
        }

        public Request build() { return new Request(this); }
    }
}
