package android.net;

/** The state of a network interface (deprecated API, still widely called). */
@Deprecated
public class NetworkInfo {
    private final int type;
    private final String typeName;

    NetworkInfo(int type, String typeName) {
        this.type = type;
        this.typeName = typeName;
    }

    public int getType() { return type; }
    public String getTypeName() { return typeName; }
    public boolean isConnected() { return true; }

    @Override public String toString() { return "[type: " + typeName + ", state: CONNECTED/CONNECTED]"; }
}
