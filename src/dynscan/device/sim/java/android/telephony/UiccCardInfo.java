package android.telephony;

import android.app.ActivityThread;

/** One UICC card; the ICCID needs READ_PRIVILEGED_PHONE_STATE. */
public final class UiccCardInfo {
    private final String iccId;
    private final int slotIndex;

    UiccCardInfo(String iccId, int slotIndex) {
        this.iccId = iccId;
        this.slotIndex = slotIndex;
    }

    @Deprecated
    public String getIccId() {
        return ActivityThread.granted("android.permission.READ_PRIVILEGED_PHONE_STATE") ? iccId : null;
    }

    public int getSlotIndex() { return slotIndex; }
    public int getCardId() { return slotIndex; }
    public boolean isRemovable() { return true; }
}
