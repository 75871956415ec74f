package android.telephony.cdma;

import android.telephony.CellLocation;

/** The location of a CDMA cell (base station id, network and system ids, base station position). */
public class CdmaCellLocation extends CellLocation {
    private int baseStationId = -1;
    private int baseStationLatitude = Integer.MAX_VALUE;
    private int baseStationLongitude = Integer.MAX_VALUE;
    private int systemId = -1;
    private int networkId = -1;

    public CdmaCellLocation() {}

    public void setCellLocationData(int baseStationId, int baseStationLatitude, int baseStationLongitude,
                                    int systemId, int networkId) {
        this.baseStationId = baseStationId;
        this.baseStationLatitude = baseStationLatitude;
        this.baseStationLongitude = baseStationLongitude;
        this.systemId = systemId;
        this.networkId = networkId;
    }

    public int getBaseStationId() { return baseStationId; }
    public int getBaseStationLatitude() { return baseStationLatitude; }
    public int getBaseStationLongitude() { return baseStationLongitude; }
    public int getSystemId() { return systemId; }
    public int getNetworkId() { return networkId; }

    @Override public String toString() {
        return "[" + baseStationId + "," + baseStationLatitude + "," + baseStationLongitude + "," + systemId + "," + networkId + "]";
    }
}
