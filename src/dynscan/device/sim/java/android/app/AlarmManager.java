package android.app;

import java.util.Timer;
import java.util.TimerTask;

/** The virtual device's AlarmManager: an alarm sends its PendingIntent when it is due (wall-clock and
 *  elapsed-realtime alarms alike, on a daemon timer; a repeating one every interval, at least 1 s), as Android's does for a process that is alive. */
public class AlarmManager {
    public static final int RTC_WAKEUP = 0;
    public static final int RTC = 1;
    public static final int ELAPSED_REALTIME_WAKEUP = 2;
    public static final int ELAPSED_REALTIME = 3;
    public static final long INTERVAL_FIFTEEN_MINUTES = 15 * 60 * 1000L;
    private final Timer timer = new Timer("AlarmManager", true);

    public void set(int type, long triggerAtMillis, PendingIntent operation) { schedule(type, triggerAtMillis, operation); }
    public void setExact(int type, long triggerAtMillis, PendingIntent operation) { schedule(type, triggerAtMillis, operation); }
    public void setAndAllowWhileIdle(int type, long triggerAtMillis, PendingIntent operation) {
        schedule(type, triggerAtMillis, operation);
    }
    public void setExactAndAllowWhileIdle(int type, long triggerAtMillis, PendingIntent operation) {
        schedule(type, triggerAtMillis, operation);
    }
    public void setRepeating(int type, long triggerAtMillis, long intervalMillis, PendingIntent operation) {
        long now = type == RTC || type == RTC_WAKEUP ? System.currentTimeMillis() : android.os.SystemClock.elapsedRealtime();
        timer.schedule(new TimerTask() {
            @Override public void run() { operation.sendAlarm(); }
        }, Math.max(0, triggerAtMillis - now), Math.max(1000, intervalMillis));
    }
    public void cancel(PendingIntent operation) {}

    private void schedule(int type, long triggerAtMillis, PendingIntent operation) {
        long now = type == RTC || type == RTC_WAKEUP ? System.currentTimeMillis() : android.os.SystemClock.elapsedRealtime();
        long delay = Math.max(0, triggerAtMillis - now);
        timer.schedule(new TimerTask() {
            @Override public void run() { operation.sendAlarm(); }
        }, delay);
    }
}
