package android.widget;

import android.content.Context;
import android.view.View;
import android.view.ViewGroup;

/** Stacks its children on top of each other; a child with gravity END/RIGHT and a width sits at the right. */
public class FrameLayout extends ViewGroup {
    /** Per-child layout information with a gravity. */
    public static class LayoutParams extends ViewGroup.MarginLayoutParams {
        public int gravity = -1;

        public LayoutParams(int width, int height) { super(width, height); }

        public LayoutParams(int width, int height, int gravity) {
            super(width, height);
            this.gravity = gravity;
        }
    }

    public FrameLayout(Context context) { super(context); }

    public void setForegroundGravity(int foregroundGravity) {}

    @Override public int simMeasure(int width) {
        int h = 0;
        for (View c : simChildren) {
            if (c.getVisibility() != GONE) h = Math.max(h, c.simMeasure(childWidth(c, width)));
        }
        return h;
    }

    private static int childWidth(View c, int width) { return c.simWidth() > 0 ? Math.min(c.simWidth(), width) : width; }

    private static boolean atRight(View c) {
        ViewGroup.LayoutParams p = c.getLayoutParams();
        return p instanceof LayoutParams && android.view.Gravity.simRight(((LayoutParams) p).gravity);
    }

    @Override public void simLayout(int l, int t, int r, int b) {
        super.simLayout(l, t, r, b);
        for (View c : simChildren) {
            if (c.getVisibility() == GONE) continue;
            int w = childWidth(c, r - l);
            int x = atRight(c) ? r - w : l;
            c.simLayout(x, t, x + w, Math.min(b, t + c.simMeasure(w)));
        }
    }
}
