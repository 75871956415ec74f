package android.text.style;

import android.text.TextPaint;

/** Colours a range of text. */
public class ForegroundColorSpan extends CharacterStyle {
    private final int mColor;

    public ForegroundColorSpan(int color) { mColor = color; }

    public int getForegroundColor() { return mColor; }

    @Override public void updateDrawState(TextPaint ds) { ds.setColor(mColor); }
}
