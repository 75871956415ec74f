package android.widget;

import android.content.Context;
import android.view.View;
import android.view.ViewGroup;

/**
 * Positions children relative to each other. The virtual device lays out only what dialogs use: children
 * go in one column in the order they were added, except one aligned to the parent's top and right (or end),
 * which sits in the top-right corner over the others (a close icon).
 */
public class RelativeLayout extends ViewGroup {
    public static final int TRUE = -1;
    public static final int LEFT_OF = 0;
    public static final int RIGHT_OF = 1;
    public static final int ABOVE = 2;
    public static final int BELOW = 3;
    public static final int ALIGN_PARENT_LEFT = 9;
    public static final int ALIGN_PARENT_TOP = 10;
    public static final int ALIGN_PARENT_RIGHT = 11;
    public static final int ALIGN_PARENT_BOTTOM = 12;
    public static final int CENTER_IN_PARENT = 13;
    public static final int CENTER_HORIZONTAL = 14;
    public static final int CENTER_VERTICAL = 15;
    public static final int ALIGN_PARENT_START = 20;
    public static final int ALIGN_PARENT_END = 21;
    private static final int GAP = 16;

    /** Per-child layout rules. */
    public static class LayoutParams extends ViewGroup.MarginLayoutParams {
        private final int[] mRules = new int[22];

        public LayoutParams(int w, int h) { super(w, h); }

        public void addRule(int verb) { addRule(verb, TRUE); }

        public void addRule(int verb, int subject) { mRules[verb] = subject; }

        public void removeRule(int verb) { mRules[verb] = 0; }

        public int[] getRules() { return mRules; }
    }

    public RelativeLayout(Context context) { super(context); }

    public void setGravity(int gravity) {}

    private static boolean corner(View c) {
        if (!(c.getLayoutParams() instanceof LayoutParams) || c.simWidth() <= 0) return false;
        int[] r = ((LayoutParams) c.getLayoutParams()).getRules();
        return r[ALIGN_PARENT_RIGHT] != 0 || r[ALIGN_PARENT_END] != 0;
    }

    @Override public int simMeasure(int width) {
        int h = 0, n = 0, cornerH = 0;
        for (View c : simChildren) {
            if (c.getVisibility() == GONE) continue;
            if (corner(c)) {
                cornerH = Math.max(cornerH, c.simMeasure(c.simWidth()));
                continue;
            }
            h += c.simMeasure(width) + GAP;
            n++;
        }
        return Math.max(cornerH, n == 0 ? 0 : h - GAP);
    }

    @Override public void simLayout(int l, int t, int r, int b) {
        super.simLayout(l, t, r, b);
        int y = t;
        for (View c : simChildren) {
            if (c.getVisibility() == GONE) continue;
            if (corner(c)) {
                int w = Math.min(c.simWidth(), r - l);
                c.simLayout(r - w, t, r, Math.min(b, t + c.simMeasure(w)));
                continue;
            }
            int h = c.simMeasure(r - l);
            c.simLayout(l, Math.min(y, b), r, Math.min(y + h, b));
            y += h + GAP;
        }
    }
}
