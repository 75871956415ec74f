package dynscan.sim;

import java.util.Collection;
import java.util.Map;

/** Minimal JSON writer for the control channel (the runtime never parses JSON). */
public final class Json {
    private Json() {}

    /** A raw JSON fragment, written as is. */
    public static final class Raw {
        final String text;
        public Raw(String text) { this.text = text; }
        @Override public String toString() { return text; }
    }

    public static String obj(Object... kv) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] == null) continue;
            if (sb.length() > 1) sb.append(',');
            str(sb, String.valueOf(kv[i]));
            sb.append(':');
            value(sb, kv[i + 1]);
        }
        return sb.append('}').toString();
    }

    public static String value(Object v) {
        StringBuilder sb = new StringBuilder();
        value(sb, v);
        return sb.toString();
    }

    static void value(StringBuilder sb, Object v) {
        if (v == null) sb.append("null");
        else if (v instanceof Raw) sb.append(((Raw) v).text);
        else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) sb.append(v);
        else if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!first) sb.append(',');
                first = false;
                str(sb, String.valueOf(e.getKey()));
                sb.append(':');
                value(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Collection) {
            sb.append('[');
            boolean first = true;
            for (Object o : (Collection<?>) v) {
                if (!first) sb.append(',');
                first = false;
                value(sb, o);
            }
            sb.append(']');
        } else if (v instanceof Object[]) {
            value(sb, java.util.Arrays.asList((Object[]) v));
        } else if (v instanceof int[]) {
            int[] a = (int[]) v;
            java.util.List<Integer> l = new java.util.ArrayList<>();
            for (int x : a) l.add(x);
            value(sb, l);
        } else str(sb, String.valueOf(v));
    }

    static void str(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        sb.append('"');
    }
}
