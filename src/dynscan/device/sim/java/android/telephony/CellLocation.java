package android.telephony;

/** Abstract cell location. */
public abstract class CellLocation {
    public static void requestLocationUpdate() {}
}
