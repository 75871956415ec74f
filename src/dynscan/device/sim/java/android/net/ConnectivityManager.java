package android.net;

import android.app.ActivityThread;

/** Network connectivity state: the active network, its type, addresses and capabilities. */
public class ConnectivityManager {
    public static final int TYPE_MOBILE = 0;
    public static final int TYPE_WIFI = 1;
    private static final String ANS = "android.permission.ACCESS_NETWORK_STATE";
    private static final Network WIFI = new Network(100);

    public ConnectivityManager() {}

    public boolean isActiveNetworkMetered() { return false; }

    public Network getActiveNetwork() {
        ActivityThread.enforce(ANS, "getActiveNetwork");
        return WIFI;
    }

    @Deprecated
    public NetworkInfo getActiveNetworkInfo() {
        ActivityThread.enforce(ANS, "getActiveNetworkInfo");
        return new NetworkInfo(TYPE_WIFI, "WIFI");
    }

    public LinkProperties getLinkProperties(Network network) {
        ActivityThread.enforce(ANS, "getLinkProperties");
        return network == null ? null : new LinkProperties();
    }

    public NetworkCapabilities getNetworkCapabilities(Network network) {
        ActivityThread.enforce(ANS, "getNetworkCapabilities");
        return network == null ? null : new NetworkCapabilities();
    }
}
