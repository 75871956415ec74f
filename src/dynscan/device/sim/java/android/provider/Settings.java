package android.provider;

import android.content.ContentResolver;
import dynscan.sim.Sim;

/** Device settings. */
public final class Settings {
    private Settings() {}

    /** Thrown when a setting is missing or not an int. */
    public static class SettingNotFoundException extends android.util.AndroidException {
        public SettingNotFoundException(String msg) { super(msg); }
    }

    /** Secure system settings. */
    public static final class Secure {
        public static final String ANDROID_ID = "android_id";
        public static final String DEFAULT_INPUT_METHOD = "default_input_method";
        public static final String BLUETOOTH_ADDRESS = "bluetooth_address";

        public static String getString(ContentResolver resolver, String name) {
            if (ANDROID_ID.equals(name)) return Sim.prop("identity.android_id", null);
            if (BLUETOOTH_ADDRESS.equals(name)) return Sim.prop("identity.bt_mac", null);
            if (DEFAULT_INPUT_METHOD.equals(name)) return "com.android.inputmethod.latin/.LatinIME";
            return null;
        }

        public static int getInt(ContentResolver resolver, String name, int def) { return def; }
    }

    /** Global system settings. */
    public static final class System {
        public static final String SCREEN_BRIGHTNESS = "screen_brightness";

        public static String getString(ContentResolver resolver, String name) {
            return SCREEN_BRIGHTNESS.equals(name) ? "128" : null;
        }

        public static int getInt(ContentResolver resolver, String name, int def) {
            return SCREEN_BRIGHTNESS.equals(name) ? 128 : def;
        }
    }

    /** Global settings. */
    public static final class Global {
        public static final String DEVICE_NAME = "device_name";

        public static String getString(ContentResolver resolver, String name) {
            return DEVICE_NAME.equals(name) ? Sim.prop("build.model", "Pixel 5") : null;
        }
    }
}
