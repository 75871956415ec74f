package android.graphics;

/** Drawing style: what a span's updateDrawState changes. */
public class Paint {
    private int mColor;
    private boolean mUnderline;

    public Paint() {}

    public void setColor(int color) { mColor = color; }
    public int getColor() { return mColor; }
    public void setUnderlineText(boolean underlineText) { mUnderline = underlineText; }
    public boolean isUnderlineText() { return mUnderline; }
    public void setFakeBoldText(boolean fakeBoldText) {}
}
