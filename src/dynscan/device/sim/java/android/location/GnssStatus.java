package android.location;

/** The state of the GNSS engine (satellites in view). */
public final class GnssStatus {
    /** Receives GNSS status changes. */
    public abstract static class Callback {
        public Callback() {}
        public void onStarted() {}
        public void onStopped() {}
        public void onSatelliteStatusChanged(GnssStatus status) {}
    }

    GnssStatus() {}

    public int getSatelliteCount() { return 0; }
}
