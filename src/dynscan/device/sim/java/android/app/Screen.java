package android.app;

import dynscan.sim.Permissions;
import dynscan.sim.Sim;
import dynscan.sim.UiXml;
import java.util.ArrayList;
import java.util.List;

/** The screen (1080x2340): window layout, the uiautomator-format dump, and taps. */
final class Screen {
    private Screen() {}

    static final int W = 1080, H = 2340, STATUS_BAR = 96;
    static final String PC = "com.android.permissioncontroller";

    /** A button of the permission dialog: resource id, label, allow?. */
    static final class PermButton {
        final String id;
        final String text;
        final boolean allow;
        final int[] bounds = new int[4];

        PermButton(String id, String text, boolean allow) {
            this.id = id;
            this.text = text;
            this.allow = allow;
        }
    }

    static List<PermButton> permButtons(String group) {
        List<PermButton> l = new ArrayList<>();
        if ("LOCATION".equals(group)) {
            l.add(new PermButton(PC + ":id/permission_allow_foreground_only_button", "While using the app", true));
            l.add(new PermButton(PC + ":id/permission_allow_one_time_button", "Only this time", true));
        } else {
            l.add(new PermButton(PC + ":id/permission_allow_button", "Allow", true));
        }
        boolean again = Permissions.denials(group) > 0;
        l.add(new PermButton(PC + (again ? ":id/permission_deny_and_dont_ask_again_button" : ":id/permission_deny_button"),
                again ? "Don\u2019t allow" : "Don\u2019t allow", false));
        int y = 1560;
        for (PermButton b : l) {
            b.bounds[0] = 84;
            b.bounds[1] = y;
            b.bounds[2] = 996;
            b.bounds[3] = y + 147;
            y += 147;
        }
        return l;
    }

    static String permMessage(String group) {
        return "Allow " + Sim.manifest.label + " to " + Permissions.groupText(group) + "?";
    }

    static void layoutActivity(Activity a) {
        if (a.mContentView != null) a.mContentView.simLayout(0, STATUS_BAR, W, H);
    }

    static String dump() {
        StringBuilder sb = new StringBuilder("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation=\"0\">");
        int[] full = {0, 0, W, H};
        Activity a = ActivityThread.top();
        if (ActivityThread.sBackground || a == null) {
            UiXml.open(sb, 0, "", "", "android.widget.FrameLayout", "com.android.launcher3", "", false, true, full);
            UiXml.leaf(sb, 0, "", "com.android.launcher3:id/workspace", "android.widget.FrameLayout",
                    "com.android.launcher3", false, new int[] {0, STATUS_BAR, W, H});
            UiXml.close(sb);
        } else if (ActivityThread.sExternalPkg != null) {
            String pkg = ActivityThread.sExternalPkg;
            UiXml.open(sb, 0, "", "", "android.widget.FrameLayout", pkg, "", false, true, full);
            String url = ActivityThread.sExternalUri == null ? "" : ActivityThread.sExternalUri;
            UiXml.leaf(sb, 0, url, pkg + ":id/url_bar", "android.widget.EditText", pkg, true,
                    new int[] {0, STATUS_BAR, W, STATUS_BAR + 140});
            UiXml.close(sb);
        } else {
            int index = 0;
            String pkg = Sim.packageName;
            layoutActivity(a);
            UiXml.open(sb, index++, "", "", "android.widget.FrameLayout", pkg, "", false, true, full);
            UiXml.open(sb, 0, "", "android:id/content", "android.widget.FrameLayout", pkg, "", false, true,
                    new int[] {0, STATUS_BAR, W, H});
            if (a.mContentView != null) a.mContentView.simDump(sb, 0, pkg);
            UiXml.close(sb);
            UiXml.close(sb);
            for (Dialog d : ActivityThread.DIALOGS) {
                d.simLayout();
                d.simDump(sb, index++, pkg);
            }
            PermissionFlow f = ActivityThread.sPerm;
            if (f != null) dumpPermission(sb, index, f.currentGroup());
        }
        return sb.append("</hierarchy>").toString();
    }

    private static void dumpPermission(StringBuilder sb, int index, String group) {
        UiXml.open(sb, index, "", "", "android.widget.FrameLayout", PC, "", false, true, new int[] {42, 1290, 1038, 2070});
        UiXml.open(sb, 0, "", PC + ":id/grant_dialog", "android.widget.LinearLayout", PC, "", false, true,
                new int[] {42, 1290, 1038, 2070});
        UiXml.leaf(sb, 0, permMessage(group), PC + ":id/permission_message", "android.widget.TextView", PC, false,
                new int[] {105, 1360, 975, 1520});
        int i = 1;
        for (PermButton b : permButtons(group)) {
            UiXml.leaf(sb, i++, b.text, b.id, "android.widget.Button", PC, true, b.bounds);
        }
        UiXml.close(sb);
        UiXml.close(sb);
    }

    /** Deliver a tap at (x, y) to the topmost window; returns what was hit (resource id or text), or "". */
    static String tap(int x, int y) {
        Sim.log("tap", "x", x, "y", y);
        Activity a = ActivityThread.top();
        if (ActivityThread.sBackground || a == null || ActivityThread.sExternalPkg != null) return "";
        PermissionFlow f = ActivityThread.sPerm;
        if (f != null) {
            for (PermButton b : permButtons(f.currentGroup())) {
                if (UiXml.inside(b.bounds, x, y)) {
                    f.answer(b.allow);
                    return b.id;
                }
            }
            return "";
        }
        if (!ActivityThread.DIALOGS.isEmpty()) {
            Dialog d = ActivityThread.DIALOGS.get(ActivityThread.DIALOGS.size() - 1);
            d.simLayout();
            return d.simTap(x, y);
        }
        layoutActivity(a);
        if (a.mContentView == null) return "";
        android.view.View v = a.mContentView.simHit(x, y);
        if (v == null) return "";
        v.simClick();
        return v instanceof android.widget.TextView ? ((android.widget.TextView) v).getText().toString() : v.getClass().getName();
    }
}
