package io.dynscan.packed;

/** The "real" code a packer shell splices into the app's own loader before the app starts. */
public final class Real {
    private Real() {}

    public static String collect(String what) {
        return "real " + what;
    }
}
