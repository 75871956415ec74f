package android.telephony;

import android.app.ActivityThread;
import dynscan.sim.Sim;

/** Access to telephony information: device and SIM identifiers, phone number, operator. */
public class TelephonyManager {
    public static final int PHONE_TYPE_NONE = 0;
    public static final int PHONE_TYPE_GSM = 1;
    public static final int SIM_STATE_READY = 5;
    private static final String RPS = "android.permission.READ_PHONE_STATE";

    public TelephonyManager() {}

    private static String guarded(String what, String key) {
        ActivityThread.enforce(RPS, what);
        return Sim.prop(key, null);
    }

    @Deprecated
    public String getDeviceId() { return guarded("getDeviceId", "identity.imei"); }

    @Deprecated
    public String getDeviceId(int slotIndex) { return guarded("getDeviceId", "identity.imei"); }

    public String getImei() { return guarded("getImei", "identity.imei"); }

    public String getImei(int slotIndex) { return guarded("getImei", "identity.imei"); }

    public String getMeid() { return guarded("getMeid", "identity.meid"); }

    public String getMeid(int slotIndex) { return guarded("getMeid", "identity.meid"); }

    public String getSubscriberId() { return guarded("getSubscriberId", "identity.imsi"); }

    public String getSimSerialNumber() { return guarded("getSimSerialNumber", "identity.iccid"); }

    public String getLine1Number() { return guarded("getLine1Number", "identity.phone_number"); }

    public String getSimOperator() { return Sim.prop("identity.sim_operator", "46001"); }

    public String getSimOperatorName() { return Sim.prop("identity.operator_name", "CHN-UNICOM"); }

    public String getNetworkOperator() { return getSimOperator(); }

    public String getNetworkOperatorName() { return Sim.prop("identity.operator_name", "CHN-UNICOM"); }

    public String getSimCountryIso() { return Sim.prop("identity.country_iso", "cn"); }

    public String getNetworkCountryIso() { return getSimCountryIso(); }

    public int getPhoneType() { return PHONE_TYPE_GSM; }

    private static void enforceLocation(String what) {
        if (!ActivityThread.granted("android.permission.ACCESS_FINE_LOCATION")) {
            throw new SecurityException(what + ": needs android.permission.ACCESS_FINE_LOCATION");
        }
    }

    /** The serving cell; needs ACCESS_FINE_LOCATION. */
    @Deprecated
    public CellLocation getCellLocation() {
        enforceLocation("getCellLocation");
        return new android.telephony.gsm.GsmCellLocation(Integer.parseInt(Sim.prop("identity.lac", "6243")),
                Integer.parseInt(Sim.prop("identity.cid", "131074619")));
    }

    /** All cells the phone sees; needs ACCESS_FINE_LOCATION. */
    public java.util.List<CellInfo> getAllCellInfo() {
        enforceLocation("getAllCellInfo");
        java.util.List<CellInfo> l = new java.util.ArrayList<>();
        l.add(new CellInfo(Integer.parseInt(Sim.prop("identity.lac", "6243")), Integer.parseInt(Sim.prop("identity.cid", "131074619"))));
        return l;
    }

    public int getSimState() { return SIM_STATE_READY; }

    /** Callback of {@link #requestCellInfoUpdate}. */
    public abstract static class CellInfoCallback {
        public abstract void onCellInfo(java.util.List<CellInfo> cellInfo);
    }

    /** The voice registration state; with location access it carries the cell too (Android 10+). */
    public ServiceState getServiceState() {
        enforceLocation("getServiceState");
        return new ServiceState(getNetworkOperatorName(), getNetworkOperator());
    }

    /** Fresh cell information, delivered on {@code executor}; needs ACCESS_FINE_LOCATION. */
    public void requestCellInfoUpdate(java.util.concurrent.Executor executor, CellInfoCallback callback) {
        enforceLocation("requestCellInfoUpdate");
        java.util.List<CellInfo> cells = getAllCellInfo();
        executor.execute(() -> callback.onCellInfo(cells));
    }

    /** The IMEI/SV software version; READ_PHONE_STATE. */
    public String getDeviceSoftwareVersion() {
        ActivityThread.enforce(RPS, "getDeviceSoftwareVersion");
        return Sim.prop("identity.imeisv", "01");
    }

    public String getVoiceMailNumber() {
        ActivityThread.enforce(RPS, "getVoiceMailNumber");
        return Sim.prop("identity.voice_mail", "+8613800100500");
    }

    /** UICC cards; READ_PRIVILEGED_PHONE_STATE (never granted to apps) hides the ICCID. */
    public java.util.List<UiccCardInfo> getUiccCardsInfo() {
        java.util.List<UiccCardInfo> l = new java.util.ArrayList<>();
        l.add(new UiccCardInfo(Sim.prop("identity.iccid", ""), 0));
        return l;
    }
}
