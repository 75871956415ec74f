package android.telephony;

/** One active SIM subscription. */
public class SubscriptionInfo {
    private final int id;
    private final String iccId;
    private final String number;
    private final CharSequence carrierName;

    SubscriptionInfo(int id, String iccId, String number, CharSequence carrierName) {
        this.id = id;
        this.iccId = iccId;
        this.number = number;
        this.carrierName = carrierName;
    }

    public int getSubscriptionId() { return id; }
    public String getIccId() { return iccId; }
    @Deprecated
    public String getNumber() { return number; }
    public CharSequence getCarrierName() { return carrierName; }
    public int getSimSlotIndex() { return 0; }

    @Override public String toString() { return "{id=" + id + " carrierName=" + carrierName + "}"; }
}
