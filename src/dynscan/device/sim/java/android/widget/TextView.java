package android.widget;

import android.content.Context;
import android.view.View;
import dynscan.sim.UiXml;

/** Displays text. */
public class TextView extends View {
    private CharSequence mText = "";

    public TextView(Context context) { super(context); }

    public void setText(CharSequence text) { mText = text == null ? "" : text; }

    public void setText(int resId) { setText("string/" + resId); }

    public CharSequence getText() { return mText; }

    public void append(CharSequence text) { mText = mText.toString() + text; }

    public void setTextSize(float size) {}

    public void setTextColor(int color) {}

    public void setGravity(int gravity) {}

    public void setHint(CharSequence hint) {}

    /** As on Android, a movement method (links) makes the text clickable, long-clickable and focusable. */
    public void setMovementMethod(android.text.method.MovementMethod movement) {
        setClickable(movement != null);
        setLongClickable(movement != null);
        setFocusable(movement != null);
    }

    public void setHighlightColor(int color) {}

    public void setLineSpacing(float add, float mult) {}

    public void setMaxLines(int maxLines) {}

    public int length() { return mText.length(); }

    @Override protected String simText() { return mText.toString(); }

    @Override public int simMeasure(int width) {
        return UiXml.lines(mText, Math.max(1, width / 26)) * 56 + 24;
    }
}
