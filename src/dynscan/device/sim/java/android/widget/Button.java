package android.widget;

import android.content.Context;

/** A push button. */
public class Button extends TextView {
    public Button(Context context) {
        super(context);
        setClickable(true);
    }

    @Override public int simMeasure(int width) { return Math.max(144, super.simMeasure(width) + 16); }
}
