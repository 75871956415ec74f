package android.telephony;

/** Voice and data registration state of the phone. */
public class ServiceState {
    public static final int STATE_IN_SERVICE = 0;
    private final String operatorAlpha;
    private final String operatorNumeric;

    public ServiceState(String operatorAlpha, String operatorNumeric) {
        this.operatorAlpha = operatorAlpha;
        this.operatorNumeric = operatorNumeric;
    }

    public int getState() { return STATE_IN_SERVICE; }
    public String getOperatorAlphaLong() { return operatorAlpha; }
    public String getOperatorNumeric() { return operatorNumeric; }
    public boolean getRoaming() { return false; }

    @Override public String toString() {
        return "{mVoiceRegState=0(IN_SERVICE) mOperatorAlphaLong=" + operatorAlpha + " mOperatorNumeric=" + operatorNumeric + "}";
    }
}
