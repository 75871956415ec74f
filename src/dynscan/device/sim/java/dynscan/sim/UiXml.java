package dynscan.sim;

/** Writes nodes in the format of {@code uiautomator dump}. */
public final class UiXml {
    private UiXml() {}

    /** A node's boolean attributes, in the order uiautomator writes them. */
    public static final class Flags {
        public boolean checkable, checked, clickable, enabled = true, focusable, scrollable, longClickable, selected;
    }

    public static void open(StringBuilder sb, int index, String text, String rid, String cls, String pkg,
                            String desc, boolean clickable, boolean enabled, int[] b) {
        Flags f = new Flags();
        f.clickable = clickable;
        f.focusable = clickable;
        f.enabled = enabled;
        open(sb, index, text, rid, cls, pkg, desc, f, b);
    }

    public static void open(StringBuilder sb, int index, String text, String rid, String cls, String pkg,
                            String desc, Flags f, int[] b) {
        sb.append("<node index=\"").append(index)
          .append("\" text=\"").append(esc(text))
          .append("\" resource-id=\"").append(esc(rid))
          .append("\" class=\"").append(esc(cls))
          .append("\" package=\"").append(esc(pkg))
          .append("\" content-desc=\"").append(esc(desc))
          .append("\" checkable=\"").append(f.checkable)
          .append("\" checked=\"").append(f.checked)
          .append("\" clickable=\"").append(f.clickable)
          .append("\" enabled=\"").append(f.enabled)
          .append("\" focusable=\"").append(f.focusable)
          .append("\" focused=\"false\" scrollable=\"").append(f.scrollable)
          .append("\" long-clickable=\"").append(f.longClickable)
          .append("\" password=\"false\" selected=\"").append(f.selected)
          .append("\" bounds=\"[")
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
