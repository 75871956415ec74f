package android.widget;

import android.content.Context;

/** A frame whose one child can be taller than the screen (scrollable in a dump). */
public class ScrollView extends FrameLayout {
    public ScrollView(Context context) { super(context); }

    public void smoothScrollTo(int x, int y) {}

    public boolean fullScroll(int direction) { return false; }

    @Override protected boolean simScrollable() { return true; }
}
