package dynscan.sim;

import java.security.Permission;

/**
 * Turns the app's System.exit into an immediate halt that reports "stopped by the app": with a Frida
 * script loaded, a JVM's orderly shutdown can hang, while Runtime.halt always ends the process.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {
    @Override public void checkExit(int status) {
        if (Sim.halting) return; // Runtime.halt asks too
        Sim.exit("app", "System.exit(" + status + ")", status);
    }

    @Override public void checkPermission(Permission perm) {}

    @Override public void checkPermission(Permission perm, Object context) {}
}
