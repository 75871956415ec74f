package dynscan.sim;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Runtime-permission state of the app, persisted in its data directory (wiped by a data clear). */
public final class Permissions {
    private Permissions() {}

    public static final String PREFIX = "android.permission.";
    private static final Map<String, String> GROUP = new HashMap<>();
    private static final Map<String, String> GROUP_TEXT = new HashMap<>();

    private static void group(String name, String text, String... perms) {
        GROUP_TEXT.put(name, text);
        for (String p : perms) GROUP.put(PREFIX + p, name);
    }

    static {
        group("PHONE", "make and manage phone calls", "READ_PHONE_STATE", "READ_PHONE_NUMBERS", "CALL_PHONE",
                "ANSWER_PHONE_CALLS", "ADD_VOICEMAIL", "USE_SIP");
        group("CALL_LOG", "access your phone call logs", "READ_CALL_LOG", "WRITE_CALL_LOG", "PROCESS_OUTGOING_CALLS");
        group("CONTACTS", "access your contacts", "READ_CONTACTS", "WRITE_CONTACTS", "GET_ACCOUNTS");
        group("LOCATION", "access this device's location", "ACCESS_FINE_LOCATION", "ACCESS_COARSE_LOCATION",
                "ACCESS_BACKGROUND_LOCATION");
        group("SMS", "send and view SMS messages", "READ_SMS", "SEND_SMS", "RECEIVE_SMS", "RECEIVE_MMS",
                "RECEIVE_WAP_PUSH");
        group("CAMERA", "take pictures and record video", "CAMERA");
        group("MICROPHONE", "record audio", "RECORD_AUDIO");
        group("STORAGE", "access photos, media, and files on your device", "READ_EXTERNAL_STORAGE",
                "WRITE_EXTERNAL_STORAGE");
        group("CALENDAR", "access your calendar", "READ_CALENDAR", "WRITE_CALENDAR");
        group("SENSORS", "access sensor data about your vital signs", "BODY_SENSORS");
        group("ACTIVITY_RECOGNITION", "access your physical activity", "ACTIVITY_RECOGNITION");
    }

    private static File file() { return new File(Sim.dataDir, "runtime-permissions.properties"); }

    public static synchronized Properties load() { return Sim.loadProps(file()); }

    public static String groupOf(String perm) { return GROUP.get(perm); }

    public static String groupText(String group) { return GROUP_TEXT.getOrDefault(group, "use this permission"); }

    public static boolean isDangerous(String perm) { return GROUP.containsKey(perm); }

    public static boolean isDeclared(String perm) { return Sim.manifest.permissions.contains(perm); }

    public static synchronized boolean isGranted(String perm) {
        if (!isDeclared(perm)) return false;
        if (!isDangerous(perm)) return true;
        return "granted".equals(load().getProperty(perm));
    }

    public static synchronized int denials(String group) {
        return Integer.parseInt(load().getProperty("group." + group + ".denials", "0"));
    }

    public static synchronized void set(String group, Iterable<String> perms, boolean granted) {
        Properties p = load();
        for (String perm : perms) p.setProperty(perm, granted ? "granted" : "denied");
        if (!granted) {
            String k = "group." + group + ".denials";
            p.setProperty(k, Integer.toString(Integer.parseInt(p.getProperty(k, "0")) + 1));
        }
        Sim.storeProps(file(), p);
    }
}
