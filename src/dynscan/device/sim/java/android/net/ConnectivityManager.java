package android.net;

/** Network connectivity state (minimal). */
public class ConnectivityManager {
    public static final int TYPE_MOBILE = 0;
    public static final int TYPE_WIFI = 1;

    public ConnectivityManager() {}

    public boolean isActiveNetworkMetered() { return false; }
}
