package android.location;

import android.app.ActivityThread;
import android.os.Handler;
import android.os.Looper;
import dynscan.sim.Sim;
import java.util.IdentityHashMap;
import java.util.Map;

/** Access to the device's location. */
public class LocationManager {
    public static final String GPS_PROVIDER = "gps";
    public static final String NETWORK_PROVIDER = "network";
    public static final String PASSIVE_PROVIDER = "passive";
    public static final String FUSED_PROVIDER = "fused";
    private static final Map<LocationListener, Runnable> UPDATES = new IdentityHashMap<>();

    public LocationManager() {}

    private static void enforce(String what) {
        if (!ActivityThread.granted("android.permission.ACCESS_FINE_LOCATION")
                && !ActivityThread.granted("android.permission.ACCESS_COARSE_LOCATION")) {
            throw new SecurityException("\"" + what + "\" location provider requires ACCESS_COARSE_LOCATION or ACCESS_FINE_LOCATION permission.");
        }
    }

    static Location current(String provider) {
        Location l = new Location(provider);
        l.setLatitude(Double.parseDouble(Sim.prop("identity.latitude", "31.230416")));
        l.setLongitude(Double.parseDouble(Sim.prop("identity.longitude", "121.473701")));
        return l;
    }

    public Location getLastKnownLocation(String provider) {
        enforce(provider);
        return current(provider);
    }

    public boolean isProviderEnabled(String provider) { return true; }

    public void requestLocationUpdates(String provider, long minTimeMs, float minDistanceM, LocationListener listener) {
        requestLocationUpdates(provider, minTimeMs, minDistanceM, listener, Looper.myLooper() != null ? Looper.myLooper() : Looper.getMainLooper());
    }

    public void requestLocationUpdates(String provider, long minTimeMs, float minDistanceM, LocationListener listener,
                                       Looper looper) {
        enforce(provider);
        Handler h = new Handler(looper);
        long period = Math.max(1000L, minTimeMs);
        Runnable tick = new Runnable() {
            @Override public void run() {
                synchronized (UPDATES) {
                    if (UPDATES.get(listener) != this) return;
                }
                listener.onLocationChanged(current(provider));
                h.postDelayed(this, period);
            }
        };
        synchronized (UPDATES) { UPDATES.put(listener, tick); }
        h.postDelayed(tick, 100);
    }

    public void requestSingleUpdate(String provider, LocationListener listener, Looper looper) {
        enforce(provider);
        Looper l = looper != null ? looper : Looper.getMainLooper();
        new Handler(l).postDelayed(() -> listener.onLocationChanged(current(provider)), 100);
    }

    public void getCurrentLocation(String provider, android.os.CancellationSignal cancellationSignal,
                                   java.util.concurrent.Executor executor, java.util.function.Consumer<Location> consumer) {
        enforce(provider);
        executor.execute(() -> {
            if (cancellationSignal == null || !cancellationSignal.isCanceled()) consumer.accept(current(provider));
        });
    }

    public void removeUpdates(LocationListener listener) {
        synchronized (UPDATES) { UPDATES.remove(listener); }
    }

    public String getBestProvider(Criteria criteria, boolean enabledOnly) { return GPS_PROVIDER; }

    public java.util.List<String> getProviders(boolean enabledOnly) {
        return java.util.Arrays.asList(PASSIVE_PROVIDER, GPS_PROVIDER, NETWORK_PROVIDER, FUSED_PROVIDER);
    }

    public boolean registerGnssStatusCallback(GnssStatus.Callback callback, Handler handler) {
        enforce(GPS_PROVIDER);
        return true;
    }

    public void unregisterGnssStatusCallback(GnssStatus.Callback callback) {}
}
