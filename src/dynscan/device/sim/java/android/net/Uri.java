package android.net;

/** An immutable URI reference. */
public final class Uri {
    public static final Uri EMPTY = new Uri("");
    private final String s;

    private Uri(String s) { this.s = s; }

    public static Uri parse(String uriString) {
        if (uriString == null) throw new NullPointerException("uriString");
        return new Uri(uriString);
    }

    public static Uri withAppendedPath(Uri baseUri, String pathSegment) {
        String b = baseUri.s;
        return new Uri(b.endsWith("/") ? b + pathSegment : b + "/" + pathSegment);
    }

    public static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String getScheme() {
        int c = s.indexOf(':');
        return c > 0 && s.substring(0, c).matches("[A-Za-z][A-Za-z0-9+.-]*") ? s.substring(0, c) : null;
    }

    private String afterScheme() {
        String scheme = getScheme();
        return scheme == null ? s : s.substring(scheme.length() + 1);
    }

    public String getAuthority() {
        String r = afterScheme();
        if (!r.startsWith("//")) return null;
        r = r.substring(2);
        int end = r.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = r.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        return r.substring(0, end);
    }

    public String getHost() {
        String a = getAuthority();
        if (a == null) return null;
        int at = a.lastIndexOf('@');
        if (at >= 0) a = a.substring(at + 1);
        int colon = a.lastIndexOf(':');
        return colon >= 0 && !a.endsWith("]") ? a.substring(0, colon) : a;
    }

    public String getPath() {
        String r = afterScheme();
        if (r.startsWith("//")) {
            String a = getAuthority();
            r = r.substring(2 + a.length());
        }
        int q = r.indexOf('?');
        if (q >= 0) r = r.substring(0, q);
        int h = r.indexOf('#');
        if (h >= 0) r = r.substring(0, h);
        return r;
    }

    public String getQuery() {
        int q = s.indexOf('?');
        if (q < 0) return null;
        int h = s.indexOf('#', q);
        return h >= 0 ? s.substring(q + 1, h) : s.substring(q + 1);
    }

    public String getQueryParameter(String key) {
        String q = getQuery();
        if (q == null) return null;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq >= 0 ? pair.substring(0, eq) : pair;
            if (k.equals(key)) return eq >= 0 ? java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8) : "";
        }
        return null;
    }

    public String getLastPathSegment() {
        String p = getPath();
        if (p == null || p.isEmpty()) return null;
        String[] parts = p.split("/");
        return parts.length == 0 ? null : parts[parts.length - 1];
    }

    @Override public String toString() { return s; }

    @Override public boolean equals(Object o) { return o instanceof Uri && ((Uri) o).s.equals(s); }

    @Override public int hashCode() { return s.hashCode(); }
}
