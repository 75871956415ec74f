package io.dynscan.late;

/** Added to the app's own class loader (addDexPath) a while after start-up, as hot-fix and packer shells do. */
public final class LateSdk {
    private LateSdk() {}

    public static String collect(String what) {
        return "late " + what;
    }
}
