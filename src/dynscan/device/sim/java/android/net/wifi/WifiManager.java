package android.net.wifi;

/** Access to Wi-Fi connectivity. */
public class WifiManager {
    public WifiManager() {}

    public WifiInfo getConnectionInfo() {
        android.app.ActivityThread.enforce("android.permission.ACCESS_WIFI_STATE", "getConnectionInfo");
        return new WifiInfo();
    }

    public boolean isWifiEnabled() { return true; }
}
