package android.os;

/** The current process. */
public class Process {
    public static final int FIRST_APPLICATION_UID = 10000;

    public static final int myPid() { return (int) ProcessHandle.current().pid(); }

    public static final int myUid() { return Integer.parseInt(dynscan.sim.Sim.prop("app.uid", "10123")); }

    public static final void killProcess(int pid) {
        if (pid == myPid()) dynscan.sim.Sim.exit("app", "Process.killProcess", 0);
    }
}
