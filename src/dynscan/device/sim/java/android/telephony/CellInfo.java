package android.telephony;

/** Information about a cell the phone sees. */
public class CellInfo {
    private final int lac;
    private final int cid;

    CellInfo(int lac, int cid) {
        this.lac = lac;
        this.cid = cid;
    }

    public boolean isRegistered() { return true; }

    @Override public String toString() { return "CellInfoLte:{mRegistered=YES mCellIdentity=CellIdentityLte:{ mCi=" + cid + " mTac=" + lac + "}}"; }
}
