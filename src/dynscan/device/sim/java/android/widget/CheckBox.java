package android.widget;

import android.content.Context;

/** A check box (often "I have read and agree to ..."). */
public class CheckBox extends CompoundButton {
    public CheckBox(Context context) { super(context); }

    @Override public int simMeasure(int width) { return Math.max(132, super.simMeasure(width)); }
}
