package dynscan.sim;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the app inside the virtual device (asked by {@link ExitGuard}, the process's SecurityManager):
 * files are written only under the app's data directory, network connections go only to the
 * session's proxy (the JVM's {@code http(s).proxyHost/Port}). Anything else is refused with a
 * SecurityException and recorded as a {@code file_blocked} or {@code net_connect} event with the
 * stack of the code that tried, sent to the driver on the control channel.
 */
final class Containment {
    private Containment() {}

    private static final int MAX_EVENTS = 500;
    /** "host:port" destinations the device lets through besides the proxy ({@code -Ddynscan.allow_connect}). */
    private static final Set<String> ALLOWED = Set.of(System.getProperty("dynscan.allow_connect", "").split(","));
    /** JDK classes that ask about the target host of an HTTP request before connecting (to the proxy). */
    private static final Set<String> QUESTIONS = Set.of("sun.net.www.http.HttpClient",
            "sun.net.www.protocol.https.HttpsClient", "sun.net.www.protocol.http.HttpURLConnection");
    private static final ThreadLocal<Boolean> BUSY = ThreadLocal.withInitial(() -> false);
    private static int recorded;
    private static String dataRoot;
    private static String clipboard;
    private static String sdcard;

    static void init() {
        try {
            dataRoot = Sim.dataDir.getCanonicalPath();
            clipboard = new File(Sim.deviceDir, "clipboard.txt").getCanonicalPath();  // the system clipboard
            sdcard = new File(Sim.deviceDir, "sdcard").getCanonicalPath();  // shared storage (Environment)
        } catch (IOException e) {
            throw new IllegalStateException("cannot resolve the app's data directory", e);
        }
    }

    // ------------------------------------------------------------------ files

    static void checkFile(String path, String op) {
        if (dataRoot == null || BUSY.get()) return;
        BUSY.set(true);
        String where;
        try {
            where = new File(path).getCanonicalPath();
        } catch (IOException e) {
            where = new File(path).getAbsolutePath();
        } finally {
            BUSY.set(false);
        }
        if (under(where, dataRoot) || under(where, sdcard) || where.equals(clipboard)) return;
        record(Json.obj("kind", "file_blocked", "ts", now(), "path", where, "op", op, "stack", stack(false)));
        throw new SecurityException("dynscan virtual device: " + op + " of " + where
                + " refused (an app writes only under its data directory)");
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + File.separator);
    }

    // ------------------------------------------------------------------ network

    static void checkConnect(String host, int port) {
        if (BUSY.get()) return;
        if (port < 0) {
            return;  // a name lookup: the JVM resolves from the device's hosts file only (jdk.net.hosts.file)
        } else if (QUESTIONS.contains(caller())) {
            return;  // "may the caller reach host:port?" before a proxied request; its socket is checked itself
        } else if (isProxyHost(host) && port == proxyPort()) {
            return;
        } else if (ALLOWED.contains(host + ":" + port)) {
            return;  // let through on purpose (SimDevice(allow_connect=...): a lab's own server)
        } else if (isLoopback(host) && ownListener(port)) {
            return;  // the app's own server, in its own process: nothing leaves the device
        }
        List<String> frames = stack(true);
        String via = frames.isEmpty() ? "unknown" : frames.get(0).replaceFirst("\\(.*$", "");
        boolean udp = frames.stream().anyMatch(f -> f.contains("Datagram"));
        record(Json.obj("kind", "net_connect", "ts", now(), "host", host, "port", port,
                "proto", udp ? "udp" : "tcp", "blocked", true, "via", via, "stack", frames));
        throw new SecurityException("dynscan virtual device: connection to " + host + ":" + port
                + " refused (only the session's proxy is reachable)");
    }

    private static boolean isProxyHost(String host) {
        String proxy = System.getProperty("https.proxyHost", System.getProperty("http.proxyHost"));
        return proxy != null && (proxy.equals(host) || (isLoopback(proxy) && isLoopback(host)));
    }

    private static int proxyPort() {
        try {
            return Integer.parseInt(System.getProperty("https.proxyPort", System.getProperty("http.proxyPort", "-1")));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether a socket of this process listens on {@code port} (from /proc: ServerSocket(0) has no port yet when checked). */
    private static boolean ownListener(int port) {
        BUSY.set(true);
        try {
            Set<String> inodes = new HashSet<>();
            File[] fds = new File("/proc/self/fd").listFiles();
            for (File fd : fds == null ? new File[0] : fds) {
                try {
                    String target = Files.readSymbolicLink(fd.toPath()).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException | UnsupportedOperationException e) {
                    // closed meanwhile
                }
            }
            String hexPort = String.format("%04X", port);
            for (String table : new String[] {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
                try {
                    for (String line : Files.readAllLines(Paths.get(table))) {
                        String[] f = line.trim().split("\\s+");
                        if (f.length > 9 && f[1].endsWith(":" + hexPort) && f[3].equals("0A") && inodes.contains(f[9])) {
                            return true;
                        }
                    }
                } catch (IOException e) {
                    // no IPv6
                }
            }
            return false;
        } finally {
            BUSY.set(false);
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1");
    }

    // ------------------------------------------------------------------ recording

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    private static void record(String event) {
        synchronized (Containment.class) {
            if (recorded >= MAX_EVENTS) return;
            recorded++;
        }
        Sim.send(Json.obj("t", "event", "e", new Json.Raw(event)));
    }

    /**
     * The frames of the code that asked, innermost first as CONTRACTS writes them, without the guard's
     * own. {@code fromApi}: start at the JDK method the app called (the outermost JDK frame before the
     * first frame that is not the JDK's), so {@code via} names the API.
     */
    private static List<String> stack(boolean fromApi) {
        StackTraceElement[] all = new Throwable().getStackTrace();
        int start = 0;
        while (start < all.length && (all[start].getClassName().startsWith("dynscan.sim.")
                || all[start].getClassName().equals("java.lang.SecurityManager"))) start++;
        if (fromApi) {
            int app = start;
            while (app < all.length && isJdk(all[app].getClassName())) app++;
            if (app > start) start = app - 1;
        }
        List<String> out = new ArrayList<>();
        for (int i = start; i < all.length && out.size() < 64; i++) out.add(frame(all[i]));
        return out;
    }

    /** The class of the method that called the SecurityManager. */
    private static String caller() {
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            String name = e.getClassName();
            if (!name.startsWith("dynscan.sim.") && !name.equals("java.lang.SecurityManager")) return name;
        }
        return "";
    }

    private static boolean isJdk(String cls) {
        return cls.startsWith("java.") || cls.startsWith("javax.") || cls.startsWith("sun.")
                || cls.startsWith("jdk.") || cls.startsWith("com.sun.");
    }

    private static String frame(StackTraceElement e) {
        String where = e.isNativeMethod() ? "Native Method"
                : e.getFileName() == null ? "Unknown Source"
                : e.getLineNumber() >= 0 ? e.getFileName() + ":" + e.getLineNumber() : e.getFileName();
        return e.getClassName() + "." + e.getMethodName() + "(" + where + ")";
    }
}
