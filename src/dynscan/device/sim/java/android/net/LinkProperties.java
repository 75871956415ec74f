package android.net;

/** Addresses, DNS servers and routes of a network link. */
public final class LinkProperties {
    LinkProperties() {}

    public String getInterfaceName() { return "wlan0"; }

    @Override public String toString() {
        return "{InterfaceName: wlan0 LinkAddresses: [ 192.168.2.15/24 ] DnsAddresses: [ /192.168.2.1 ]}";
    }
}
