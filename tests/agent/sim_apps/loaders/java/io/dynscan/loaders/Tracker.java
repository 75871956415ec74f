package io.dynscan.loaders;

/** App code hooked by the test: its class exists only once the app's loader does. */
public final class Tracker {
    private Tracker() {}

    public static String collect(String what) {
        return "collected " + what;
    }
}
