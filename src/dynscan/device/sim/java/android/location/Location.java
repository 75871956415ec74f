package android.location;

/** A geographic location. */
public class Location {
    private String mProvider;
    private double mLatitude;
    private double mLongitude;
    private float mAccuracy = 12.0f;
    private double mAltitude = 8.0;
    private long mTime = System.currentTimeMillis();

    public Location(String provider) { mProvider = provider; }

    public Location(Location l) {
        mProvider = l.mProvider;
        mLatitude = l.mLatitude;
        mLongitude = l.mLongitude;
        mAccuracy = l.mAccuracy;
        mAltitude = l.mAltitude;
        mTime = l.mTime;
    }

    public String getProvider() { return mProvider; }
    public void setProvider(String provider) { mProvider = provider; }
    public double getLatitude() { return mLatitude; }
    public void setLatitude(double latitude) { mLatitude = latitude; }
    public double getLongitude() { return mLongitude; }
    public void setLongitude(double longitude) { mLongitude = longitude; }
    public float getAccuracy() { return mAccuracy; }
    public void setAccuracy(float a) { mAccuracy = a; }
    public double getAltitude() { return mAltitude; }
    public long getTime() { return mTime; }
    public void setTime(long t) { mTime = t; }
    public boolean hasAccuracy() { return true; }

    @Override public String toString() {
        return "Location[" + mProvider + " " + mLatitude + "," + mLongitude + " acc=" + mAccuracy + "]";
    }

    public float getSpeed() { return 0.0f; }

    public float getBearing() { return 0.0f; }
}
