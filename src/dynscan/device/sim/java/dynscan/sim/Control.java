package dynscan.sim;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The control channel: the driver writes {@code "<id> <command> <args...>"} lines on stdin; the runtime
 * answers {@code {"t":"res","id":..,"ok":..,"v":..}} lines on its original stdout.
 */
public final class Control {
    private Control() {}

    private static final CountDownLatch RESUMED = new CountDownLatch(1);

    static void start() {
        Thread t = new Thread(Control::readLoop, "dynscan-control");
        t.setDaemon(true);
        t.start();
    }

    static void awaitResume() throws InterruptedException {
        RESUMED.await();
    }

    private static void readLoop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                handle(line.trim());
            }
        } catch (Throwable e) {
            // fall through: the driver is gone
        }
        Sim.exit("driver", "control channel closed", 0);
    }

    private static void handle(String line) {
        if (line.isEmpty()) return;
        String[] parts = line.split(" ");
        String id = parts[0];
        String cmd = parts.length > 1 ? parts[1] : "";
        String[] args = new String[Math.max(0, parts.length - 2)];
        System.arraycopy(parts, Math.min(2, parts.length), args, 0, args.length);
        try {
            Object v;
            if (cmd.equals("resume")) {
                RESUMED.countDown();
                v = Boolean.TRUE;
            } else if (cmd.equals("ping")) {
                v = Boolean.TRUE;
            } else if (cmd.equals("log")) {
                v = new Json.Raw(Sim.logSince(args.length > 0 ? Integer.parseInt(args[0]) : 0));
            } else if (cmd.equals("stop")) {
                Sim.exit("driver", "stopped by the driver", 0);
                v = null;
            } else {
                v = android.app.ActivityThread.control(cmd, args);
            }
            Sim.send(Json.obj("t", "res", "id", Long.parseLong(id), "ok", Boolean.TRUE, "v", v == null ? new Json.Raw("null") : v));
        } catch (Throwable e) {
            Sim.send(Json.obj("t", "res", "id", safeId(id), "ok", Boolean.FALSE, "err", String.valueOf(e)));
        }
    }

    private static long safeId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
