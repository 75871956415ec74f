package android.app;

import android.os.Looper;
import dynscan.sim.Sim;

/** Ends the process as "crashed" when the main thread is stuck in one message longer than the ANR limit. */
final class Watchdog {
    private Watchdog() {}

    static long anrMillis() {
        return (long) (Double.parseDouble(Sim.prop("anr_timeout_s", "5")) * 1000);
    }

    static void start(Looper main) {
        long limit = anrMillis() * 1_000_000L;
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                long started = main.dispatchStartNanos;
                if (started != 0 && System.nanoTime() - started > limit) {
                    StackTraceElement[] st = main.getThread().getStackTrace();
                    String where = st.length > 0 ? " in " + st[0] : "";
                    Sim.log("anr", "where", where);
                    Sim.exit("crashed", "ANR: main thread blocked for more than " + anrMillis() / 1000.0 + " s" + where, 11);
                }
            }
        }, "dynscan-watchdog");
        t.setDaemon(true);
        t.start();
    }
}
