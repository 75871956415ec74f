package android.net.wifi;

import android.app.ActivityThread;
import android.net.DhcpInfo;
import dynscan.sim.Sim;
import java.util.ArrayList;
import java.util.List;

/** Access to Wi-Fi connectivity. */
public class WifiManager {
    private static final String FINE = "android.permission.ACCESS_FINE_LOCATION";

    public WifiManager() {}

    public WifiInfo getConnectionInfo() {
        ActivityThread.enforce("android.permission.ACCESS_WIFI_STATE", "getConnectionInfo");
        return new WifiInfo();
    }

    public boolean isWifiEnabled() { return true; }

    /** Access points of the last scan: empty without location access (Android 8.1+). */
    public List<ScanResult> getScanResults() {
        ActivityThread.enforce("android.permission.ACCESS_WIFI_STATE", "getScanResults");
        List<ScanResult> l = new ArrayList<>();
        if (!ActivityThread.granted(FINE)) return l;
        l.add(new ScanResult(Sim.prop("identity.ssid", "AndroidWifi"), Sim.prop("identity.bssid", "02:00:00:00:00:00"), -52, 5180));
        l.add(new ScanResult("Neighbour-5G", "3c:52:82:4e:19:0d", -71, 5745));
        return l;
    }

    @Deprecated
    public boolean startScan() {
        ActivityThread.enforce("android.permission.CHANGE_WIFI_STATE", "startScan");
        return true;
    }

    /** Saved networks: Android 10+ returns them only to privileged apps with location access. */
    @Deprecated
    public List<WifiConfiguration> getConfiguredNetworks() {
        ActivityThread.enforce("android.permission.ACCESS_WIFI_STATE", "getConfiguredNetworks");
        List<WifiConfiguration> l = new ArrayList<>();
        if (!ActivityThread.granted(FINE)) return l;
        WifiConfiguration c = new WifiConfiguration();
        c.SSID = "\"" + Sim.prop("identity.ssid", "AndroidWifi") + "\"";
        c.networkId = 1;
        l.add(c);
        return l;
    }

    @Deprecated
    public DhcpInfo getDhcpInfo() {
        ActivityThread.enforce("android.permission.ACCESS_WIFI_STATE", "getDhcpInfo");
        return new DhcpInfo();
    }
}
