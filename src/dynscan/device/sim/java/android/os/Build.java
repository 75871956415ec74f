package android.os;

import dynscan.sim.Sim;

/** Information about the current build, from the device's properties. */
public class Build {
    public static final String UNKNOWN = "unknown";
    public static final String MODEL = Sim.prop("build.model", "Pixel 5");
    public static final String MANUFACTURER = Sim.prop("build.manufacturer", "Google");
    public static final String BRAND = Sim.prop("build.brand", "google");
    public static final String DEVICE = Sim.prop("build.device", "redfin");
    public static final String PRODUCT = Sim.prop("build.product", "redfin");
    public static final String BOARD = Sim.prop("build.board", "redfin");
    public static final String HARDWARE = Sim.prop("build.hardware", "redfin");
    public static final String FINGERPRINT = Sim.prop("build.fingerprint",
            "google/redfin/redfin:11/RQ3A.211001.001/7641976:user/release-keys");
    public static final String ID = Sim.prop("build.id", "RQ3A.211001.001");
    /** Since Android 8 apps see "unknown" here; use {@link #getSerial()}. */
    @Deprecated
    public static final String SERIAL = UNKNOWN;

    /** The hardware serial number; needs READ_PHONE_STATE. */
    /** The baseband version; null when no radio is up. */
    public static String getRadioVersion() { return Sim.prop("build.radio", "g7250-00202-230501-B-9934566"); }

    public static String getSerial() {
        android.app.ActivityThread.enforce("android.permission.READ_PHONE_STATE", "getSerial");
        return Sim.prop("identity.serial", UNKNOWN);
    }

    public static class VERSION {
        public static final int SDK_INT = Integer.parseInt(Sim.prop("build.sdk_int", "30"));
        public static final String RELEASE = Sim.prop("build.release", "11");
        public static final String INCREMENTAL = "7641976";
        public static final String CODENAME = "REL";
    }

    public static class VERSION_CODES {
        public static final int M = 23;
        public static final int N = 24;
        public static final int O = 26;
        public static final int P = 28;
        public static final int Q = 29;
        public static final int R = 30;
        public static final int S = 31;
    }
}
