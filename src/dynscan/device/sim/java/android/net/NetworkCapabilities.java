package android.net;

/** What a network can do (transports, capabilities). */
public final class NetworkCapabilities {
    public static final int TRANSPORT_WIFI = 1;
    public static final int NET_CAPABILITY_INTERNET = 12;

    NetworkCapabilities() {}

    public boolean hasTransport(int transportType) { return transportType == TRANSPORT_WIFI; }
    public boolean hasCapability(int capability) { return capability == NET_CAPABILITY_INTERNET; }
}
