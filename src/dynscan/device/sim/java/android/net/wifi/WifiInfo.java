package android.net.wifi;

import dynscan.sim.Sim;

/** The state of the current Wi-Fi connection. */
public class WifiInfo {
    WifiInfo() {}

    public String getMacAddress() { return Sim.prop("identity.mac", "02:00:00:00:00:00"); }

    public String getBSSID() { return Sim.prop("identity.bssid", "02:00:00:00:00:00"); }

    public String getSSID() { return "\"" + Sim.prop("identity.ssid", "AndroidWifi") + "\""; }

    public int getIpAddress() { return 0x0f02a8c0; } // 192.168.2.15, little-endian as on Android

    public int getRssi() { return -52; }

    public int getLinkSpeed() { return 433; }

    public int getNetworkId() { return 1; }
}
