package android.content.pm;

import dynscan.sim.Sim;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The virtual device's PackageInstaller: sessions are recorded and take the bytes written into them; a
 * commit installs nothing (the user would be asked; the virtual device installs only what dynscan installs).
 * Same names and signatures as Android's. Creating a session needs REQUEST_INSTALL_PACKAGES, as on Android.
 */
public class PackageInstaller {
    public static final int STATUS_SUCCESS = 0;
    public static final int STATUS_PENDING_USER_ACTION = -1;
    public static final String EXTRA_STATUS = "android.content.pm.extra.STATUS";
    private int nextId = 1;

    public static class SessionParams {
        public static final int MODE_FULL_INSTALL = 1;
        public static final int MODE_INHERIT_EXISTING = 2;
        final int mode;
        String appPackageName;

        public SessionParams(int mode) { this.mode = mode; }
        public void setAppPackageName(String appPackageName) { this.appPackageName = appPackageName; }
    }

    public static class Session implements java.io.Closeable {
        private final int id;

        Session(int id) { this.id = id; }

        public OutputStream openWrite(String name, long offsetBytes, long lengthBytes) throws IOException {
            return OutputStream.nullOutputStream();
        }
        public void fsync(OutputStream out) throws IOException {}
        public void commit(android.content.IntentSender statusReceiver) {
            Sim.log("install_session_committed", "session", id);
        }
        public void abandon() {}
        @Override public void close() {}
    }

    public int createSession(SessionParams params) throws IOException {
        if (!Sim.manifest.permissions.contains("android.permission.REQUEST_INSTALL_PACKAGES")) {
            throw new SecurityException("Neither user " + android.os.Process.myUid()
                    + " nor current process has android.permission.REQUEST_INSTALL_PACKAGES.");
        }
        synchronized (this) {
            int id = nextId++;
            Sim.log("install_session_created", "session", id, "package", params.appPackageName);
            return id;
        }
    }

    public Session openSession(int sessionId) throws IOException { return new Session(sessionId); }
}
