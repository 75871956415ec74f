package android.net;

/** A network the device can use. */
public class Network {
    private final int netId;

    Network(int netId) { this.netId = netId; }

    @Override public String toString() { return Integer.toString(netId); }
}
