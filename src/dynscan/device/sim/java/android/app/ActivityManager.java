package android.app;

import dynscan.sim.Sim;
import java.util.ArrayList;
import java.util.List;

/** Information about running processes (since Android 5.1 an app sees only its own). */
public class ActivityManager {
    /** A running process. */
    public static class RunningAppProcessInfo {
        public static final int IMPORTANCE_FOREGROUND = 100;
        public static final int IMPORTANCE_CACHED = 400;
        public String processName;
        public int pid;
        public int uid;
        public int importance;
        public String[] pkgList;

        public RunningAppProcessInfo() {}
    }

    /** Memory information. */
    public static class MemoryInfo {
        public long availMem = 3L << 30;
        public long totalMem = 8L << 30;
        public boolean lowMemory;
    }

    ActivityManager() {}

    public List<RunningAppProcessInfo> getRunningAppProcesses() {
        RunningAppProcessInfo i = new RunningAppProcessInfo();
        i.processName = Sim.packageName;
        i.pid = android.os.Process.myPid();
        i.uid = android.os.Process.myUid();
        i.importance = ActivityThread.isForeground() ? RunningAppProcessInfo.IMPORTANCE_FOREGROUND
                : RunningAppProcessInfo.IMPORTANCE_CACHED;
        i.pkgList = new String[] {Sim.packageName};
        List<RunningAppProcessInfo> l = new ArrayList<>();
        l.add(i);
        return l;
    }

    /** A task (since Android 5 an app sees only its own). */
    public static class RunningTaskInfo {
        public android.content.ComponentName baseActivity;
        public android.content.ComponentName topActivity;
        public int numActivities;
        public int id;
    }

    @Deprecated
    /** A running service (the virtual device reports only the app's own). */
    public static class RunningServiceInfo {
        public android.content.ComponentName service;
        public int pid;
        public String process;
        public boolean started;

        public RunningServiceInfo() {}
    }

    /** A recently used task. */
    public static class RecentTaskInfo {
        public android.content.ComponentName baseActivity;
        public int id;

        public RecentTaskInfo() {}
    }

    /** Other apps' services are hidden since Android 8: only the caller's own are listed. */
    @Deprecated
    public List<RunningServiceInfo> getRunningServices(int maxNum) {
        return new ArrayList<>();
    }

    @Deprecated
    public List<RecentTaskInfo> getRecentTasks(int maxNum, int flags) {
        List<RecentTaskInfo> l = new ArrayList<>();
        Activity top = ActivityThread.top();
        if (top != null && maxNum > 0) {
            RecentTaskInfo t = new RecentTaskInfo();
            t.baseActivity = ActivityThread.STACK.get(0).getComponentName();
            t.id = 1;
            l.add(t);
        }
        return l;
    }

    public List<RunningTaskInfo> getRunningTasks(int maxNum) {
        List<RunningTaskInfo> l = new ArrayList<>();
        Activity top = ActivityThread.top();
        if (top != null && maxNum > 0) {
            RunningTaskInfo t = new RunningTaskInfo();
            t.baseActivity = ActivityThread.STACK.get(0).getComponentName();
            t.topActivity = top.getComponentName();
            t.numActivities = ActivityThread.STACK.size();
            t.id = 1;
            l.add(t);
        }
        return l;
    }

    public void getMemoryInfo(MemoryInfo outInfo) {}

    public boolean isLowRamDevice() { return false; }
}
