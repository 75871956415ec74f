package android.net.wifi;

/** One access point seen by the last Wi-Fi scan. */
public class ScanResult {
    public String SSID;
    public String BSSID;
    public String capabilities = "[WPA2-PSK-CCMP][ESS]";
    public int level;
    public int frequency;

    public ScanResult() {}

    ScanResult(String ssid, String bssid, int level, int frequency) {
        SSID = ssid;
        BSSID = bssid;
        this.level = level;
        this.frequency = frequency;
    }

    @Override public String toString() { return "SSID: " + SSID + ", BSSID: " + BSSID + ", level: " + level; }
}
