package android.view;

/** Placement of a view in its container (the constants the framework defines). */
public class Gravity {
    public static final int NO_GRAVITY = 0x0000;
    public static final int LEFT = 0x0003;
    public static final int RIGHT = 0x0005;
    public static final int TOP = 0x0030;
    public static final int BOTTOM = 0x0050;
    public static final int CENTER_VERTICAL = 0x0010;
    public static final int CENTER_HORIZONTAL = 0x0001;
    public static final int CENTER = 0x0011;
    public static final int START = 0x00800003;
    public static final int END = 0x00800005;

    /** True when the gravity puts a view at the right (or end) edge. */
    public static boolean simRight(int gravity) {
        return gravity != -1 && (gravity & 0x07) == RIGHT;
    }
}
