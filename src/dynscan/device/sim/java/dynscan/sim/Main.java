package dynscan.sim;

/**
 * Entry point of one app process: {@code java dynscan.sim.Main DEVICE_DIR PACKAGE APP_DIR}.
 * The process announces itself, then waits for "resume" before any app code runs.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Sim.init(args[0], args[1], args[2]);
        // args[3], args[4]: a secondary process (android:process) and the service it starts with
        String service = args.length > 4 ? args[4] : null;
        if (service != null) Sim.processName = args[3];
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> crash(t, e));
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> Sim.announceExit(Sim.pendingCause, "System.exit"), "dynscan-exit"));
        installExitGuard();
        Control.start();
        Sim.send(Json.obj("t", "ready", "pid", ProcessHandle.current().pid()));
        Control.awaitResume();
        // an exception escaping the main looper reaches the default handler through
        // Thread.dispatchUncaughtException, as on Android
        if (service != null) android.app.ActivityThread.mainService(service);
        else android.app.ActivityThread.main();
    }

    @SuppressWarnings("removal")
    private static void installExitGuard() {
        try {
            System.setSecurityManager(new ExitGuard());
        } catch (UnsupportedOperationException e) {
            System.err.println("dynscan-sim: cannot intercept System.exit (run with -Djava.security.manager=allow)");
        }
    }

    public static void crash(Thread t, Throwable e) {
        System.err.println("FATAL EXCEPTION: " + t.getName());
        e.printStackTrace();
        StackTraceElement[] st = e.getStackTrace();
        String where = st.length > 0 ? " at " + st[0] : "";
        Sim.log("crash", "thread", t.getName(), "exception", String.valueOf(e));
        Sim.exit("crashed", e + where, 10);
    }
}
