package android.net.wifi;

/** A saved Wi-Fi network. */
@Deprecated
public class WifiConfiguration {
    public String SSID;
    public String BSSID;
    public int networkId;

    public WifiConfiguration() {}

    @Override public String toString() { return "ID: " + networkId + " SSID: " + SSID; }
}
