package dynscan.sim;

/** Writes nodes in the format of {@code uiautomator dump}. */
public final class UiXml {
    private UiXml() {}

    public static void open(StringBuilder sb, int index, String text, String rid, String cls, String pkg,
                            String desc, boolean clickable, boolean enabled, int[] b) {
        sb.append("<node index=\"").append(index)
          .append("\" text=\"").append(esc(text))
          .append("\" resource-id=\"").append(esc(rid))
          .append("\" class=\"").append(esc(cls))
          .append("\" package=\"").append(esc(pkg))
          .append("\" content-desc=\"").append(esc(desc))
          .append("\" checkable=\"false\" checked=\"false\" clickable=\"").append(clickable)
          .append("\" enabled=\"").append(enabled)
          .append("\" focusable=\"").append(clickable)
          .append("\" focused=\"false\" scrollable=\"false\" long-clickable=\"false\" password=\"false\" selected=\"false\" bounds=\"[")
          .append(b[0]).append(',').append(b[1]).append("][").append(b[2]).append(',').append(b[3]).append("]\">");
    }

    public static void close(StringBuilder sb) { sb.append("</node>"); }

    public static void leaf(StringBuilder sb, int index, String text, String rid, String cls, String pkg,
                            boolean clickable, int[] b) {
        open(sb, index, text, rid, cls, pkg, "", clickable, true, b);
        close(sb);
    }

    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&apos;"); break;
                case '\n': sb.append("&#10;"); break;
                default:
                    if (c < 0x20 && c != '\t' || c == 0xFFFE || c == 0xFFFF) sb.append('?');
                    else sb.append(c);
            }
        }
        return sb.toString();
    }

    public static boolean inside(int[] b, int x, int y) {
        return x >= b[0] && x < b[2] && y >= b[1] && y < b[3];
    }

    public static int lines(CharSequence text, int charsPerLine) {
        if (text == null || text.length() == 0) return 1;
        int n = 0;
        for (String part : text.toString().split("\n", -1)) n += Math.max(1, (part.length() + charsPerLine - 1) / charsPerLine);
        return n;
    }
}
