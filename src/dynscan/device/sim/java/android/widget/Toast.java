package android.widget;

import android.content.Context;

/** A short message shown over the app. */
public class Toast {
    public static final int LENGTH_SHORT = 0;
    public static final int LENGTH_LONG = 1;
    private CharSequence mText;

    public Toast(Context context) {}

    public static Toast makeText(Context context, CharSequence text, int duration) {
        Toast t = new Toast(context);
        t.mText = text;
        return t;
    }

    public void setText(CharSequence s) { mText = s; }

    public void show() { android.app.ActivityThread.note("toast", "text", String.valueOf(mText)); }

    public void cancel() {}
}
