package android.app;

import android.content.ActivityNotFoundException;
import android.content.ComponentName;
import android.content.Intent;
import android.hardware.SensorManager;
import android.net.Uri;
import android.os.Handler;
import android.os.Looper;
import dynscan.sim.Json;
import dynscan.sim.Permissions;
import dynscan.sim.Sim;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * The app process's main thread: it creates the application and activities, runs their lifecycle, the
 * window stack (activity, app dialogs, system permission dialog), and answers the driver's UI commands.
 */
public final class ActivityThread {
    private ActivityThread() {}

    public static final String BROWSER = "com.android.chrome";
    static volatile Handler sMain;
    static Application sApp;
    static ContextImpl sAppContext;
    static final List<Activity> STACK = new ArrayList<>();
    static final List<Dialog> DIALOGS = new ArrayList<>();
    static boolean sBackground;
    static String sExternalPkg;
    static String sExternalUri;
    static PermissionFlow sPerm;
    static boolean sByDriver;

    public static void main() {
        Looper.prepareMainLooper();
        sMain = new Handler(Looper.getMainLooper());
        Watchdog.start(Looper.getMainLooper());
        sMain.post(ActivityThread::bindApplication);
        Looper.loop();
    }

    /** A secondary process: the application, then the one service it was started for (no activity). */
    public static void mainService(String service) {
        Looper.prepareMainLooper();
        sMain = new Handler(Looper.getMainLooper());
        sMain.post(() -> {
            createApplication();
            ComponentName cn = new ComponentName(Sim.packageName, service);
            startOwnService(new Intent().setComponent(cn), cn);
        });
        Looper.loop();
    }

    static boolean onMainThread() {
        return sMain != null && sMain.getLooper().isCurrentThread();
    }

    static void runOnMain(Runnable r) {
        if (onMainThread()) r.run();
        else sMain.post(r);
    }

    private static void bindApplication() {
        createApplication();
        Intent launch = new Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_LAUNCHER)
                .setClassName(Sim.packageName, Sim.manifest.launcherActivity);
        launchActivity(launch, launch.getComponent());
    }

    /** Every process of an app creates its Application first, as Android's handleBindApplication does. */
    private static void createApplication() {
        Sim.makeAppLoader();  // the LoadedApk's class loader: made here, after the process was held
        sAppContext = new ContextImpl();
        try {
            String cls = Sim.manifest.applicationClass;
            sApp = cls == null ? new Application() : (Application) Sim.loadClass(cls).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new RuntimeException("Unable to instantiate application " + Sim.manifest.applicationClass + ": " + e, e);
        }
        sApp.attach(sAppContext);
        Sim.log("lifecycle", "component", sApp.getClass().getName(), "callback", "onCreate");
        sApp.onCreate();
    }

    static Activity top() { return STACK.isEmpty() ? null : STACK.get(STACK.size() - 1); }

    /** True while the app's task is the one on screen. */
    public static boolean isForeground() {
        return !sBackground && sExternalPkg == null && !STACK.isEmpty();
    }

    // ---------------------------------------------------------------- activity lifecycle

    static final int CREATED = 1, STARTED = 2, RESUMED = 3, PAUSED = 4, STOPPED = 5, DESTROYED = 6;

    // Every transition goes through the Activity's perform* methods (which log the callback and enforce
    // the call to super), never through the on* callbacks directly.

    static void toResumed(Activity a) {
        if (a.mState == STOPPED) {
            a.performRestart(true, "restart");
            a.mState = STARTED;
        }
        if (a.mState == CREATED) {
            a.performStart("start");
            a.mState = STARTED;
        }
        if (a.mState == STARTED || a.mState == PAUSED) {
            a.performResume(false, "resume");
            a.mState = RESUMED;
        }
    }

    static void toPaused(Activity a) {
        if (a.mState == RESUMED) {
            a.performPause();
            a.mState = PAUSED;
        }
    }

    static void toStopped(Activity a) {
        toPaused(a);
        if (a.mState == PAUSED || a.mState == STARTED) {
            a.performStop(false, "stop");
            a.mState = STOPPED;
        }
    }

    static void launchActivity(Intent intent, ComponentName cn) {
        Activity prev = top();
        if (prev != null) toPaused(prev);
        Activity a;
        try {
            a = (Activity) Sim.loadClass(cn.getClassName()).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new RuntimeException("Unable to instantiate activity " + cn + ": " + e, e);
        }
        a.attach(sAppContext, sApp, intent, cn);
        STACK.add(a);
        Sim.log("component_start", "via", "startActivity", "target_package", Sim.packageName,
                "component", cn.flattenToShortString(), "internal", Boolean.TRUE);
        a.performCreate(null);
        a.mState = CREATED;
        if (a.mFinished) return;
        // A permission dialog this activity asked for in onCreate comes up after it resumed (the dialog
        // is an activity started by the request): onResume, then onPause. One asked for elsewhere keeps it started.
        if (isForeground() && (sPerm == null || sPerm.activity == a)) toResumed(a);
        else {
            a.performStart("start");
            a.mState = STARTED;
        }
        if (prev != null) toStopped(prev);
    }

    static void finishActivity(Activity a) {
        boolean byDriver = sByDriver;
        sMain.post(() -> {
            if (a.mState == DESTROYED || !STACK.contains(a)) return;
            boolean wasTop = a == top();
            if (wasTop) toPaused(a);
            STACK.remove(a);
            Activity next = top();
            if (wasTop && next != null && isForeground() && sPerm == null) toResumed(next);
            toStopped(a);
            a.performDestroy();
            a.mState = DESTROYED;
            DIALOGS.removeIf(d -> d.mOwner == a);
            if (STACK.isEmpty()) {
                Sim.exit(byDriver ? "driver" : "app", "finish() of the last activity", 0);
            }
        });
    }

    // ---------------------------------------------------------------- starting components

    static boolean isInstalled(String pkg) {
        return ApplicationPackageManager.packageLine(pkg) != null;
    }

    static void startActivity(Intent intent) {
        ComponentName cn = intent.getComponent();
        Uri data = intent.getData();
        String scheme = data == null ? null : data.getScheme();
        String target;
        if (cn != null) target = cn.getPackageName();
        else if (intent.getPackage() != null) target = intent.getPackage();
        else if ("http".equals(scheme) || "https".equals(scheme)) target = BROWSER;
        else if ("tel".equals(scheme)) target = "com.android.dialer";
        else if ("market".equals(scheme)) target = "com.android.vending";
        else throw new ActivityNotFoundException("No Activity found to handle " + intent);
        if (target.equals(Sim.packageName)) {
            String cls = cn != null ? cn.getClassName() : Sim.manifest.launcherActivity;
            if (!Sim.manifest.activities.contains(cls)) {
                throw new ActivityNotFoundException("Unable to find explicit activity class {" + Sim.packageName + "/" + cls
                        + "}; have you declared this activity in your AndroidManifest.xml?");
            }
            ComponentName resolved = new ComponentName(Sim.packageName, cls);
            sMain.post(() -> launchActivity(intent, resolved));
            return;
        }
        if (!isInstalled(target)) throw new ActivityNotFoundException("No Activity found to handle " + intent);
        Sim.log("component_start", "via", "startActivity", "target_package", target,
                "component", cn == null ? null : cn.flattenToShortString(), "uri", data == null ? null : data.toString());
        sMain.post(() -> {
            sExternalPkg = target;
            sExternalUri = data == null ? null : data.toString();
            Activity t = top();
            if (t != null) toStopped(t);
        });
    }

    static final java.util.Map<String, Service> SERVICES = new java.util.HashMap<>();
    /** Receivers registered at run time: their filter and the dispatcher that delivers to them. */
    static final java.util.Map<android.content.BroadcastReceiver, Object[]> RECEIVERS = new java.util.LinkedHashMap<>();

    static void registerReceiver(android.content.BroadcastReceiver r, android.content.IntentFilter f,
                                 android.content.Context context) {
        synchronized (RECEIVERS) { RECEIVERS.put(r, new Object[] {f, new LoadedApk.ReceiverDispatcher(r, context)}); }
    }

    static void unregisterReceiver(android.content.BroadcastReceiver r) {
        synchronized (RECEIVERS) {
            if (RECEIVERS.remove(r) == null) throw new IllegalArgumentException("Receiver not registered: " + r);
        }
    }

    /** Start one of the app's own services (declared in the manifest) on the main thread. */
    private static ComponentName startOwnService(Intent intent, ComponentName cn) {
        if (!Sim.manifest.services.contains(cn.getClassName())) return null;
        String proc = Sim.manifest.serviceProcess.get(cn.getClassName());
        if (proc != null && !proc.equals(Sim.processName)) {  // the system starts it in a process of its own
            Sim.log("component_start", "via", "startService", "target_package", Sim.packageName,
                    "component", cn.flattenToShortString(), "internal", Boolean.TRUE, "process", proc);
            Sim.send(Json.obj("t", "process", "name", proc, "service", cn.getClassName()));
            return cn;
        }
        Sim.log("component_start", "via", "startService", "target_package", Sim.packageName,
                "component", cn.flattenToShortString(), "internal", Boolean.TRUE);
        Intent args = new Intent(intent).setComponent(cn);
        sMain.post(() -> handleServiceArgs(new ServiceArgsData(args)));
        return cn;
    }

    /** A start request for a service, as AOSP's ActivityThread.ServiceArgsData carries it. */
    static final class ServiceArgsData {
        final Intent args;
        final int flags = 0;
        final int startId = 1;

        ServiceArgsData(Intent args) { this.args = args; }
    }

    /** Deliver one start request to one of the app's services (AOSP: handleServiceArgs; the hook catalog's
     *  alarm-run hook reads the intent there), creating the service first. */
    private static void handleServiceArgs(ServiceArgsData data) {
        String cls = data.args.getComponent().getClassName();
        Service s = ownService(cls);
        Sim.log("lifecycle", "component", cls, "callback", "onStartCommand");
        s.onStartCommand(data.args, data.flags, data.startId);
    }

    /** One of the app's own services, created (onCreate) on first use; null when the manifest does not declare it.
     *  On the main thread (the job scheduler's way in). */
    public static Service ownService(String cls) {
        if (!Sim.manifest.services.contains(cls)) return null;
        Service s = SERVICES.get(cls);
        if (s == null) {
            try {
                s = (Service) Sim.loadClass(cls).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new RuntimeException("Unable to instantiate service " + cls + ": " + e, e);
            }
            s.attach(sAppContext, sApp);
            SERVICES.put(cls, s);
            Sim.log("lifecycle", "component", cls, "callback", "onCreate");
            s.onCreate();
        }
        return s;
    }

    /** Run {@code r} on the app's main thread (for the framework's timers: alarms, jobs). */
    public static void postToMain(Runnable r) {
        if (sMain != null) sMain.post(r);
    }

    static boolean stopService(String cls) {
        boolean[] had = {false};
        runOnMain(() -> {
            Service s = SERVICES.remove(cls);
            if (s == null) return;
            had[0] = true;
            Sim.log("lifecycle", "component", cls, "callback", "onDestroy");
            s.onDestroy();
        });
        return had[0] || SERVICES.containsKey(cls);
    }

    static ComponentName startService(Intent intent) {
        ComponentName cn = intent.getComponent();
        String target = cn != null ? cn.getPackageName() : intent.getPackage();
        if (target == null) throw new IllegalArgumentException("Service Intent must be explicit: " + intent);
        if (cn != null && target.equals(Sim.packageName)) return startOwnService(intent, cn);
        if (!target.equals(Sim.packageName) && !isInstalled(target)) {
            Sim.log("component_start_failed", "via", "startService", "target_package", target);
            return null;
        }
        Sim.log("component_start", "via", "startService", "target_package", target,
                "component", cn == null ? null : cn.flattenToShortString());
        return cn != null ? cn : new ComponentName(target, target + ".Service");
    }

    static boolean bindService(Intent intent, android.content.ServiceConnection conn) {
        ComponentName cn = intent.getComponent();
        String target = cn != null ? cn.getPackageName() : intent.getPackage();
        if (target == null) throw new IllegalArgumentException("Service Intent must be explicit: " + intent);
        if (!target.equals(Sim.packageName) && !isInstalled(target)) {
            Sim.log("component_start_failed", "via", "bindService", "target_package", target);
            return false;
        }
        Sim.log("component_start", "via", "bindService", "target_package", target,
                "component", cn == null ? null : cn.flattenToShortString());
        ComponentName bound = cn != null ? cn : new ComponentName(target, target + ".Service");
        sMain.post(() -> conn.onServiceConnected(bound, () -> true));
        return true;
    }

    static void sendBroadcast(Intent intent) {
        ComponentName cn = intent.getComponent();
        String target = cn != null ? cn.getPackageName() : intent.getPackage();
        Sim.log("component_start", "via", "sendBroadcast", "target_package", target,
                "component", cn == null ? null : cn.flattenToShortString(), "action", intent.getAction());
        if (target != null && !target.equals(Sim.packageName)) return;
        if (cn != null && Sim.manifest.receivers.contains(cn.getClassName())) {
            android.content.pm.ActivityInfo info = new android.content.pm.ActivityInfo();
            info.packageName = Sim.packageName;
            info.name = cn.getClassName();
            ReceiverData data = new ReceiverData(new Intent(intent), info);
            sMain.post(() -> handleReceiver(data));
            return;
        }
        List<LoadedApk.ReceiverDispatcher> matching = new ArrayList<>();
        synchronized (RECEIVERS) {
            RECEIVERS.forEach((r, reg) -> {
                android.content.IntentFilter f = (android.content.IntentFilter) reg[0];
                if (intent.getAction() != null && f.hasAction(intent.getAction())) {
                    matching.add((LoadedApk.ReceiverDispatcher) reg[1]);
                }
            });
        }
        // AOSP delivers on a binder thread, which posts onReceive to the main thread
        for (LoadedApk.ReceiverDispatcher d : matching) d.performReceive(new Intent(intent), 0, null, null, false, false, 0);
    }

    /** A broadcast for a manifest receiver, as AOSP's ActivityThread.ReceiverData carries it. */
    static final class ReceiverData {
        final Intent intent;
        final android.content.pm.ActivityInfo info;

        ReceiverData(Intent intent, android.content.pm.ActivityInfo info) {
            this.intent = intent;
            this.info = info;
        }
    }

    /** Start a manifest receiver for one broadcast (AOSP: handleReceiver; the hook catalog's receiver hook). */
    private static void handleReceiver(ReceiverData data) {
        android.content.BroadcastReceiver r;
        try {
            r = (android.content.BroadcastReceiver) Sim.loadClass(data.info.name).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new RuntimeException("Unable to instantiate receiver " + data.info.name + ": " + e, e);
        }
        Sim.log("lifecycle", "component", data.info.name, "callback", "onReceive", "background", !isForeground());
        r.onReceive(sAppContext, data.intent);
    }

    /** A content provider for {@code auth} (AOSP: acquireProvider): a token when one exists, else null. */
    public static Object acquireProvider(android.content.Context c, String auth, int userId, boolean stable) {
        return auth == null || ApplicationPackageManager.providerOwner(auth) == null ? null : auth;
    }

    // ---------------------------------------------------------------- permissions

    /** Whether the app holds the permission (normal permissions are granted at install when declared). */
    public static boolean granted(String permission) { return Permissions.isGranted(permission); }

    /** Throw SecurityException, as Android does, when a guarded getter is called without the permission. */
    public static void enforce(String permission, String what) {
        if (!granted(permission)) {
            throw new SecurityException(what + ": The uid " + android.os.Process.myUid()
                    + " does not have " + permission + ".");
        }
    }

    /** Record something only the runtime sees (toasts, clipboard reads, sensor registrations). */
    public static void note(String kind, Object... kv) { Sim.log(kind, kv); }

    static void requestPermissions(Activity a, String[] perms, int code) {
        runOnMain(() -> PermissionFlow.start(a, perms, code));
    }

    // ---------------------------------------------------------------- driver commands

    /** A command from the driver (see dynscan.sim.Control). */
    public static Object control(String cmd, String[] args) throws Exception {
        switch (cmd) {
            case "sensor":
                return SensorManager.inject(args.length > 0 ? args[0] : "");
            case "dump":
                return onMain(Screen::dump);
            case "tap": {
                int x = Integer.parseInt(args[0]), y = Integer.parseInt(args[1]);
                return onMainAsApp(() -> Screen.tap(x, y));
            }
            case "key": {
                String key = args[0];
                if (!key.equals("HOME") && !key.equals("BACK")) throw new IllegalArgumentException("unknown key " + key);
                return onMainAsApp(() -> key(key));
            }
            case "front":
                return onMainAsApp(ActivityThread::front);
            case "state":
                return onMain(ActivityThread::state);
            default:
                throw new IllegalArgumentException("unknown command " + cmd);
        }
    }

    private static <T> T onMain(Callable<T> c) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sMain == null) { // resumed a moment ago: the main looper is being set up
            if (System.nanoTime() > deadline) throw new IllegalStateException("the app has not been resumed");
            Thread.sleep(5);
        }
        FutureTask<T> task = new MainTask<>(c);
        sMain.post(task);
        return task.get(Watchdog.anrMillis() + 3000, TimeUnit.MILLISECONDS);
    }

    /**
     * Like {@link #onMain}, for commands that run app code (click handlers, lifecycle callbacks): an exception
     * from it is not an answer to the driver but escapes the main looper, so the app crashes as on Android
     * (the pending command then fails because the app is gone).
     */
    private static <T> T onMainAsApp(Callable<T> c) throws Exception {
        return onMain(() -> {
            try {
                return c.call();
            } catch (RuntimeException | Error e) {
                throw new Escape(e);
            }
        });
    }

    /** Carries an app exception out of a driver command's FutureTask onto the main looper. */
    private static final class Escape extends Exception {
        final Throwable app;

        Escape(Throwable app) { super(null, null, false, false); this.app = app; }
    }

    private static final class MainTask<T> extends FutureTask<T> {
        MainTask(Callable<T> c) { super(c); }

        @Override protected void setException(Throwable t) {
            if (t instanceof Escape) {
                Throwable app = ((Escape) t).app;
                if (app instanceof Error) throw (Error) app;
                throw (RuntimeException) app;
            }
            super.setException(t);
        }
    }

    private static Object state() {
        List<String> acts = new ArrayList<>();
        for (Activity a : STACK) acts.add(a.getClass().getName());
        return new Json.Raw(Json.obj("foreground", isForeground(), "background", sBackground,
                "activities", acts, "dialogs", DIALOGS.size(),
                "permission_dialog", sPerm == null ? null : sPerm.currentGroup(), "external", sExternalPkg));
    }

    private static String front() {
        sBackground = false;
        sExternalPkg = null;
        sExternalUri = null;
        Activity t = top();
        if (t != null && sPerm == null) toResumed(t);
        return "front";
    }

    private static String key(String key) {
        sByDriver = true;
        try {
            Sim.log("key", "key", key);
            if (key.equals("HOME")) {
                sBackground = true;
                sExternalPkg = null;
                Activity t = top();
                if (t != null) toStopped(t);
                return "home";
            }
            if (!key.equals("BACK")) throw new IllegalArgumentException("unknown key " + key);
            if (sBackground) return "launcher";
            if (sPerm != null) {
                sPerm.answer(false);
                return "permission_denied";
            }
            if (sExternalPkg != null) {
                front();
                return "returned";
            }
            if (!DIALOGS.isEmpty()) {
                Dialog d = DIALOGS.get(DIALOGS.size() - 1);
                if (d.mCancelable) d.cancel();
                return "dialog";
            }
            Activity t = top();
            if (t != null) t.onBackPressed();
            return "back";
        } finally {
            sByDriver = false;
        }
    }

    /** Package names of every installed package (packages.tsv), for the framework's own services. */
    public static java.util.List<String> installedPackages() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String[] l : ApplicationPackageManager.lines()) out.add(l[0]);
        return out;
    }
}
