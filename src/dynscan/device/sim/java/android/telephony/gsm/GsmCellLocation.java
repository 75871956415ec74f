package android.telephony.gsm;

import android.telephony.CellLocation;

/** A GSM/LTE cell: location area code and cell id. */
public class GsmCellLocation extends CellLocation {
    private final int lac;
    private final int cid;

    public GsmCellLocation() { this(-1, -1); }

    public GsmCellLocation(int lac, int cid) {
        this.lac = lac;
        this.cid = cid;
    }

    public int getLac() { return lac; }

    public int getCid() { return cid; }

    public int getPsc() { return -1; }

    @Override public String toString() { return "[" + lac + "," + cid + ",-1]"; }
}
