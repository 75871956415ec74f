package android.text;

/** The paint text is drawn with. */
public class TextPaint extends android.graphics.Paint {
    public int linkColor;

    public TextPaint() {}
}
