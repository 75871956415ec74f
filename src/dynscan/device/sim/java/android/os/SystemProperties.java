package android.os;

import dynscan.sim.Sim;

/** System properties (a hidden API apps reach by reflection): build, radio and serial keys. */
public class SystemProperties {
    private SystemProperties() {}

    private static String lookup(String key) {
        switch (key) {
            case "ro.serialno":
            case "ro.boot.serialno":
                return Sim.prop("identity.serial", "");
            case "gsm.sim.operator.numeric":
                return Sim.prop("identity.sim_operator", "46001");
            case "gsm.operator.alpha":
                return Sim.prop("identity.operator_name", "CHN-UNICOM");
            case "ro.product.model":
                return Build.MODEL;
            case "ro.build.fingerprint":
                return Build.FINGERPRINT;
            default:
                return Sim.prop("sysprop." + key, null);
        }
    }

    public static String get(String key) { return get(key, ""); }

    public static String get(String key, String def) {
        if (key == null) throw new NullPointerException("key");
        String v = lookup(key);
        return v == null || v.isEmpty() ? def : v;
    }

    public static int getInt(String key, int def) {
        try {
            return Integer.parseInt(get(key, Integer.toString(def)));
        } catch (NumberFormatException e) {
            return def;
        }
    }
}
