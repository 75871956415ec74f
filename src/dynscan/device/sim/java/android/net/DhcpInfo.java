package android.net;

/** The DHCP lease of the Wi-Fi connection (addresses little-endian, as on Android). */
@Deprecated
public class DhcpInfo {
    public int ipAddress = 0x0f02a8c0;
    public int gateway = 0x0102a8c0;
    public int netmask = 0x00ffffff;
    public int dns1 = 0x0102a8c0;
    public int dns2;
    public int serverAddress = 0x0102a8c0;
    public int leaseDuration = 86400;

    public DhcpInfo() {}

    @Override public String toString() {
        return "ipaddr 192.168.2.15 gateway 192.168.2.1 netmask 255.255.255.0 dns1 192.168.2.1 dns2 0.0.0.0 DHCP server 192.168.2.1 lease 86400 seconds";
    }
}
