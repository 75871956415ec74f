package android.hardware;

import android.app.ActivityThread;
import android.os.Handler;
import android.os.Looper;
import android.os.SystemClock;
import dynscan.sim.Sim;
import java.util.ArrayList;
import java.util.List;

/**
 * Access to the device's sensors. A registered listener receives readings at its rate while the app is in
 * the foreground: the baseline at rest, or the samples the driver injects.
 */
public class SensorManager {
    public static final int SENSOR_DELAY_FASTEST = 0;
    public static final int SENSOR_DELAY_GAME = 1;
    public static final int SENSOR_DELAY_UI = 2;
    public static final int SENSOR_DELAY_NORMAL = 3;
    public static final int SENSOR_STATUS_ACCURACY_HIGH = 3;
    public static final float GRAVITY_EARTH = 9.80665f;
    public static final float STANDARD_GRAVITY = 9.80665f;

    private static final Sensor ACCEL = new Sensor(Sensor.TYPE_ACCELEROMETER);
    private static final Sensor GYRO = new Sensor(Sensor.TYPE_GYROSCOPE);
    private static final List<Registration> REGS = new ArrayList<>();
    /** Injected samples: {type, uptime ms, x, y, z}. */
    private static final List<double[]> INJECTED = new ArrayList<>();

    private static final class Registration implements Runnable {
        final SensorEventListener listener;
        final Sensor sensor;
        final long periodMs;
        final Handler handler;
        volatile boolean active = true;

        Registration(SensorEventListener l, Sensor s, long p, Handler h) {
            listener = l;
            sensor = s;
            periodMs = p;
            handler = h;
        }

        @Override public void run() {
            if (!active) return;
            if (ActivityThread.isForeground()) {
                SensorEvent e = new SensorEvent(3);
                e.sensor = sensor;
                e.timestamp = SystemClock.elapsedRealtimeNanos();
                float[] v = valueAt(sensor.getType(), SystemClock.uptimeMillis(), periodMs);
                System.arraycopy(v, 0, e.values, 0, 3);
                listener.onSensorChanged(e);
            }
            handler.postDelayed(this, periodMs);
        }
    }

    public SensorManager() {}

    public Sensor getDefaultSensor(int type) {
        if (type == Sensor.TYPE_ACCELEROMETER) return ACCEL;
        if (type == Sensor.TYPE_GYROSCOPE) return GYRO;
        return null;
    }

    public List<Sensor> getSensorList(int type) {
        List<Sensor> l = new ArrayList<>();
        if (type == Sensor.TYPE_ACCELEROMETER || type == -1) l.add(ACCEL);
        if (type == Sensor.TYPE_GYROSCOPE || type == -1) l.add(GYRO);
        return l;
    }

    static long periodOf(int delay) {
        switch (delay) {
            case SENSOR_DELAY_FASTEST: return 10;
            case SENSOR_DELAY_GAME: return 20;
            case SENSOR_DELAY_UI: return 66;
            case SENSOR_DELAY_NORMAL: return 200;
            default: return Math.max(10, delay / 1000);
        }
    }

    public boolean registerListener(SensorEventListener listener, Sensor sensor, int samplingPeriodUs) {
        return registerListener(listener, sensor, samplingPeriodUs, null);
    }

    public boolean registerListener(SensorEventListener listener, Sensor sensor, int samplingPeriodUs, Handler handler) {
        if (listener == null || sensor == null) return false;
        Handler h = handler != null ? handler : new Handler(Looper.getMainLooper());
        Registration r = new Registration(listener, sensor, periodOf(samplingPeriodUs), h);
        synchronized (REGS) { REGS.add(r); }
        ActivityThread.note("sensor_register", "sensor", sensor.getStringType(), "period_ms", r.periodMs);
        h.postDelayed(r, r.periodMs);
        return true;
    }

    public void unregisterListener(SensorEventListener listener) { unregisterListener(listener, null); }

    public void unregisterListener(SensorEventListener listener, Sensor sensor) {
        synchronized (REGS) {
            REGS.removeIf(r -> {
                boolean match = r.listener == listener && (sensor == null || r.sensor == sensor);
                if (match) r.active = false;
                return match;
            });
        }
    }

    /** The driver injects samples ({@code type,at_s,x,y,z;...}), relative to now. */
    public static int inject(String spec) {
        long now = SystemClock.uptimeMillis();
        int n = 0;
        synchronized (INJECTED) {
            INJECTED.clear();
            for (String s : spec.split(";")) {
                if (s.isEmpty()) continue;
                String[] p = s.split(",");
                int type = p[0].equals("gyroscope") ? Sensor.TYPE_GYROSCOPE : Sensor.TYPE_ACCELEROMETER;
                INJECTED.add(new double[] {type, now + Double.parseDouble(p[1]) * 1000.0,
                    Double.parseDouble(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4])});
                n++;
            }
        }
        Sim.log("sensor_inject", "samples", n);
        return n;
    }

    static float[] valueAt(int type, long now, long periodMs) {
        double[] best = null;
        double last = -1;
        synchronized (INJECTED) {
            for (double[] s : INJECTED) {
                if ((int) s[0] != type) continue;
                last = Math.max(last, s[1]);
                if (s[1] <= now && (best == null || s[1] >= best[1])) best = s;
            }
        }
        if (best != null && now <= last + periodMs) {
            return new float[] {(float) best[2], (float) best[3], (float) best[4]};
        }
        return type == Sensor.TYPE_ACCELEROMETER ? new float[] {0.0f, 0.0f, GRAVITY_EARTH} : new float[] {0f, 0f, 0f};
    }
}
