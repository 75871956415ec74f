package android.app;

import android.content.pm.PackageManager;
import dynscan.sim.Permissions;
import dynscan.sim.Sim;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One requestPermissions call: a system dialog per permission group, then one result callback (Android 11+). */
final class PermissionFlow {
    final Activity activity;
    final int code;
    final String[] perms;
    final int[] results;
    final List<String> groups = new ArrayList<>();
    int current;

    private PermissionFlow(Activity a, String[] perms, int code) {
        activity = a;
        this.code = code;
        this.perms = perms.clone();
        results = new int[perms.length];
    }

    String currentGroup() { return current < groups.size() ? groups.get(current) : null; }

    static void start(Activity a, String[] perms, int code) {
        Sim.log("permission_request", "permissions", Arrays.asList(perms), "request_code", code,
                "activity", a.getClass().getName());
        if (ActivityThread.sPerm != null) {
            // Android cancels a request made while another is showing: empty result arrays.
            deliver(a, code, new String[0], new int[0], false);
            return;
        }
        PermissionFlow f = new PermissionFlow(a, perms, code);
        for (int i = 0; i < perms.length; i++) {
            String p = perms[i];
            String g = Permissions.groupOf(p);
            boolean granted = Permissions.isGranted(p);
            if (!granted && g != null && Permissions.isDeclared(p) && groupHasGrant(g)) {
                Permissions.set(g, List.of(p), true);
                granted = true;
            }
            f.results[i] = granted ? PackageManager.PERMISSION_GRANTED : PackageManager.PERMISSION_DENIED;
            if (!granted && g != null && Permissions.isDeclared(p) && Permissions.denials(g) < 2 && !f.groups.contains(g)) {
                f.groups.add(g);
            }
        }
        if (f.groups.isEmpty()) {
            // Nothing to ask. (On Android the permission controller's activity still comes and goes, pausing
            // and resuming the requester; an app that asks again in onResume then loops. Not modelled.)
            deliver(a, code, f.perms, f.results, false);
            return;
        }
        ActivityThread.sPerm = f;
        f.logDialog();
        // the permission controller's activity comes up asynchronously: the requester pauses after this call
        ActivityThread.sMain.post(() -> {
            if (ActivityThread.sPerm == f) ActivityThread.toPaused(a);
        });
    }

    private static boolean groupHasGrant(String group) {
        for (String p : Sim.manifest.permissions) {
            if (group.equals(Permissions.groupOf(p)) && Permissions.isGranted(p)) return true;
        }
        return false;
    }

    private void logDialog() {
        String g = currentGroup();
        Sim.log("permission_dialog", "group", g, "second_time", Permissions.denials(g) > 0);
    }

    /** The user pressed a button of the current dialog. */
    void answer(boolean allow) {
        String g = currentGroup();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < perms.length; i++) {
            if (g.equals(Permissions.groupOf(perms[i])) && Permissions.isDeclared(perms[i])) {
                members.add(perms[i]);
                results[i] = allow ? PackageManager.PERMISSION_GRANTED : PackageManager.PERMISSION_DENIED;
            }
        }
        Permissions.set(g, members, allow);
        Sim.log("permission_answer", "group", g, "permissions", members, "granted", allow);
        current++;
        if (current < groups.size()) {
            logDialog();
            return;
        }
        ActivityThread.sPerm = null;
        deliver(activity, code, perms, results, true);
    }

    private static void deliver(Activity a, int code, String[] perms, int[] results, boolean resume) {
        Runnable r = () -> {
            for (int i = 0; i < perms.length; i++) {
                Sim.log("permission_result", "permission", perms[i], "granted", results[i] == PackageManager.PERMISSION_GRANTED);
            }
            a.onRequestPermissionsResult(code, perms, results);
            if (resume && a == ActivityThread.top() && ActivityThread.isForeground()) ActivityThread.toResumed(a);
        };
        ActivityThread.sMain.post(r);
    }
}
