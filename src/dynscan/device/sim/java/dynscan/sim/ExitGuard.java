package dynscan.sim;

import java.io.FileDescriptor;
import java.security.Permission;

/**
 * The app process's SecurityManager. It turns the app's System.exit into an immediate halt that reports
 * "stopped by the app" (with a Frida script loaded, a JVM's orderly shutdown can hang, while
 * Runtime.halt always ends the process), and it contains the app ({@link Containment}): file writes
 * only under its data directory, connections only to the session's proxy. Every other permission is
 * granted.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {
    @Override public void checkExit(int status) {
        if (Sim.halting) return; // Runtime.halt asks too
        Sim.exit("app", "System.exit(" + status + ")", status);
    }

    @Override public void checkConnect(String host, int port) { Containment.checkConnect(host, port); }

    @Override public void checkConnect(String host, int port, Object context) { Containment.checkConnect(host, port); }

    @Override public void checkWrite(String file) { Containment.checkFile(file, "write"); }

    @Override public void checkWrite(FileDescriptor fd) {}  // an inherited descriptor (stdout, stderr)

    @Override public void checkDelete(String file) { Containment.checkFile(file, "delete"); }

    /**
     * Every other permission is granted. Permission objects (a SocketPermission for the target of a
     * proxied HttpURLConnection, say) are questions about what the caller may do, not connections or
     * writes: the JDK's real connects and writes come through checkConnect / checkWrite / checkDelete.
     */
    @Override public void checkPermission(Permission perm) {}

    @Override public void checkPermission(Permission perm, Object context) {}
}
