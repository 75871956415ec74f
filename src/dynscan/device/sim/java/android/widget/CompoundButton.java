package android.widget;

import android.content.Context;

/** A button with two states, checked and unchecked; a click toggles it. */
public abstract class CompoundButton extends Button {
    /** Called when the checked state changes. */
    public interface OnCheckedChangeListener {
        void onCheckedChanged(CompoundButton buttonView, boolean isChecked);
    }

    private boolean mChecked;
    private OnCheckedChangeListener mOnChecked;

    public CompoundButton(Context context) { super(context); }

    public boolean isChecked() { return mChecked; }

    public void setChecked(boolean checked) {
        if (mChecked == checked) return;
        mChecked = checked;
        if (mOnChecked != null) mOnChecked.onCheckedChanged(this, checked);
    }

    public void toggle() { setChecked(!mChecked); }

    public void setOnCheckedChangeListener(OnCheckedChangeListener listener) { mOnChecked = listener; }

    @Override public boolean performClick() {
        toggle();
        super.performClick();
        return true;
    }

    @Override protected boolean simCheckable() { return true; }

    @Override protected boolean simChecked() { return mChecked; }
}
