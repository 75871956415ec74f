package android.graphics;

/** Colour constants and parsing (ARGB ints). */
public class Color {
    public static final int BLACK = 0xFF000000;
    public static final int BLUE = 0xFF0000FF;
    public static final int GRAY = 0xFF888888;
    public static final int RED = 0xFFFF0000;
    public static final int TRANSPARENT = 0;
    public static final int WHITE = 0xFFFFFFFF;

    public static int parseColor(String colorString) {
        if (colorString == null || !colorString.startsWith("#")) throw new IllegalArgumentException("Unknown color");
        long c = Long.parseLong(colorString.substring(1), 16);
        if (colorString.length() == 7) c |= 0xFF000000L;
        else if (colorString.length() != 9) throw new IllegalArgumentException("Unknown color");
        return (int) c;
    }

    public static int rgb(int red, int green, int blue) { return 0xFF000000 | (red << 16) | (green << 8) | blue; }
}
