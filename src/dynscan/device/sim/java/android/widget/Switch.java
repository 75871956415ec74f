package android.widget;

import android.content.Context;

/** An on/off switch. */
public class Switch extends CompoundButton {
    public Switch(Context context) { super(context); }
}
