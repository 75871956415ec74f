package android.util;

/** Logging to logcat (here: the process's stderr). */
public final class Log {
    public static final int VERBOSE = 2;
    public static final int DEBUG = 3;
    public static final int INFO = 4;
    public static final int WARN = 5;
    public static final int ERROR = 6;

    private Log() {}

    private static int println(String level, String tag, String msg, Throwable tr) {
        StringBuilder sb = new StringBuilder(level).append('/').append(tag).append(": ").append(msg);
        if (tr != null) sb.append('\n').append(getStackTraceString(tr));
        System.err.println(sb);
        return sb.length();
    }

    public static int v(String tag, String msg) { return println("V", tag, msg, null); }
    public static int v(String tag, String msg, Throwable tr) { return println("V", tag, msg, tr); }
    public static int d(String tag, String msg) { return println("D", tag, msg, null); }
    public static int d(String tag, String msg, Throwable tr) { return println("D", tag, msg, tr); }
    public static int i(String tag, String msg) { return println("I", tag, msg, null); }
    public static int i(String tag, String msg, Throwable tr) { return println("I", tag, msg, tr); }
    public static int w(String tag, String msg) { return println("W", tag, msg, null); }
    public static int w(String tag, String msg, Throwable tr) { return println("W", tag, msg, tr); }
    public static int w(String tag, Throwable tr) { return println("W", tag, "", tr); }
    public static int e(String tag, String msg) { return println("E", tag, msg, null); }
    public static int e(String tag, String msg, Throwable tr) { return println("E", tag, msg, tr); }
    public static boolean isLoggable(String tag, int level) { return level >= INFO; }

    public static String getStackTraceString(Throwable tr) {
        if (tr == null) return "";
        java.io.StringWriter sw = new java.io.StringWriter();
        tr.printStackTrace(new java.io.PrintWriter(sw));
        return sw.toString();
    }
}
