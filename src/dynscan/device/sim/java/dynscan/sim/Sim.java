package dynscan.sim;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Process-wide state of the virtual device's runtime: where things live, the log, the exit path. */
public final class Sim {
    private Sim() {}

    public static File deviceDir;
    public static File dataDir;
    public static String packageName;
    /** This process's name: the package, or e.g. PACKAGE:push for a service declared in its own process. */
    public static String processName;
    public static Manifest manifest;
    public static final Properties props = new Properties();
    private static PrintStream control;
    private static final List<String> LOG = new ArrayList<>();
    private static boolean exited;
    /** Why the process is about to end if the app (not the driver) ends it. */
    public static volatile String pendingCause = "app";
    /** The installed app's code (classes.jar), loaded by {@link #appLoader()} and never on the class path. */
    private static File appJar;
    private static ClassLoader appLoader;

    static void init(String devDir, String pkg, String appDir) throws Exception {
        deviceDir = new File(devDir);
        packageName = pkg;
        processName = pkg;
        try (InputStream in = new FileInputStream(new File(deviceDir, "device.properties"))) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        manifest = new Manifest(new File(appDir, "AndroidManifest.xml"));
        appJar = new File(appDir, "classes.jar");
        dataDir = new File(new File(deviceDir, "data"), pkg);
        dataDir.mkdirs();
        control = new PrintStream(new FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
    }

    /**
     * The app's class loader, as Android's LoadedApk makes it: a PathClassLoader over the app's code whose
     * parent holds the framework. It is made when the application is bound (after the driver released the
     * held process), so an agent that starts earlier sees only framework classes, as on a phone.
     */
    public static synchronized ClassLoader appLoader() {
        if (appLoader == null) {
            appLoader = new dalvik.system.PathClassLoader(appJar.getPath(), Sim.class.getClassLoader());
        }
        return appLoader;
    }

    /** handleBindApplication's first step: the app's loader, also the main thread's context loader. */
    public static void makeAppLoader() {
        Thread.currentThread().setContextClassLoader(appLoader());
    }

    /** One of the app's classes (its Application, an activity, a service), initialised. */
    public static Class<?> loadClass(String name) throws ClassNotFoundException {
        return Class.forName(name, true, appLoader());
    }

    public static String prop(String key, String dflt) {
        return props.getProperty(key, dflt);
    }

    /** One JSON line to the driver. */
    public static void send(String json) {
        synchronized (Sim.class) {
            if (control == null) return;
            control.print(json);
            control.print('\n');
            control.flush();
        }
    }

    /** Record a runtime log entry (lifecycle, dialogs, permissions, component starts). */
    public static void log(String kind, Object... kv) {
        Object[] all = new Object[kv.length + 4];
        all[0] = "ts";
        all[1] = System.currentTimeMillis() / 1000.0;
        all[2] = "kind";
        all[3] = kind;
        System.arraycopy(kv, 0, all, 4, kv.length);
        String line = Json.obj(all);
        synchronized (LOG) { LOG.add(line); }
        System.err.println("dynscan-sim: " + line);
    }

    public static String logSince(int from) {
        synchronized (LOG) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = Math.max(0, from); i < LOG.size(); i++) {
                if (sb.length() > 1) sb.append(',');
                sb.append(LOG.get(i));
            }
            return sb.append(']').toString();
        }
    }

    /** End the process now, telling the driver why. Never returns. */
    static volatile boolean halting;

    public static void exit(String cause, String detail, int code) {
        announceExit(cause, detail);
        System.err.flush();
        halting = true;
        startReaper();
        Runtime.getRuntime().halt(code);
    }

    /**
     * With Frida hooks installed, Runtime.halt can hang when called from inside a driver command; a
     * SIGKILL from outside ends the process regardless (the driver does the same on its side).
     */
    private static void startReaper() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(700);
                new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start();
            } catch (Exception e) {
                // nothing more we can do
            }
        }, "dynscan-reaper");
        t.setDaemon(true);
        t.start();
    }

    static void announceExit(String cause, String detail) {
        synchronized (Sim.class) {
            if (exited) return;
            exited = true;
            send(Json.obj("t", "exit", "cause", cause, "detail", detail));
        }
    }

    public static String readFile(File f) {
        try {
            return f.exists() ? new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }

    public static Properties loadProps(File f) {
        Properties p = new Properties();
        if (f.exists()) {
            try (InputStream in = new FileInputStream(f)) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }
        return p;
    }

    public static void storeProps(File f, Properties p) {
        f.getParentFile().mkdirs();
        File tmp = new File(f.getPath() + ".tmp");
        try (OutputStream out = new FileOutputStream(tmp)) {
            p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        if (!tmp.renameTo(f)) throw new RuntimeException("cannot write " + f);
    }
}
