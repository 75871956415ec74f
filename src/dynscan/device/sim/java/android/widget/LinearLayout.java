package android.widget;

import android.content.Context;
import android.view.View;
import android.view.ViewGroup;

/** Lays its children out in one column (or one row). */
public class LinearLayout extends ViewGroup {
    public static final int HORIZONTAL = 0;
    public static final int VERTICAL = 1;
    private static final int GAP = 16;
    private int mOrientation = VERTICAL;

    /** Per-child layout information, with an optional weight. */
    public static class LayoutParams extends ViewGroup.MarginLayoutParams {
        public float weight;
        public int gravity = -1;

        public LayoutParams(int width, int height) { super(width, height); }

        public LayoutParams(int width, int height, float weight) {
            super(width, height);
            this.weight = weight;
        }
    }

    public LinearLayout(Context context) { super(context); }

    public void setOrientation(int orientation) { mOrientation = orientation; }

    public int getOrientation() { return mOrientation; }

    public void setGravity(int gravity) {}

    public void setWeightSum(float weightSum) {}

    /** Widths of the visible children in a row of the given width: fixed ones first, the rest share. */
    private int[] rowWidths(int width) {
        int n = 0, fixed = 0, shared = 0;
        for (View c : simChildren) {
            if (c.getVisibility() == GONE) continue;
            n++;
            if (c.simWidth() > 0) fixed += Math.min(c.simWidth(), width);
            else shared++;
        }
        int[] w = new int[n];
        int free = Math.max(0, width - fixed);
        int i = 0;
        for (View c : simChildren) {
            if (c.getVisibility() == GONE) continue;
            w[i++] = c.simWidth() > 0 ? Math.min(c.simWidth(), width) : shared == 0 ? 0 : free / shared;
        }
        return w;
    }

    @Override public int simMeasure(int width) {
        int h = 0;
        int n = 0;
        if (mOrientation == HORIZONTAL) {
            int[] w = rowWidths(width);
            for (View c : simChildren) if (c.getVisibility() != GONE) h = Math.max(h, c.simMeasure(w[n++]));
            return h;
        }
        for (View c : simChildren) {
            if (c.getVisibility() == GONE) continue;
            h += c.simMeasure(width) + GAP;
            n++;
        }
        return n == 0 ? 0 : h - GAP;
    }

    @Override public void simLayout(int l, int t, int r, int b) {
        super.simLayout(l, t, r, b);
        if (mOrientation == HORIZONTAL) {
            int[] w = rowWidths(r - l);
            int x = l;
            int i = 0;
            for (View c : simChildren) {
                if (c.getVisibility() == GONE) continue;
                int cw = w[i++];
                c.simLayout(x, t, x + cw, Math.min(b, t + c.simMeasure(cw)));
                x += cw;
            }
            return;
        }
        int y = t;
        for (View c : simChildren) {
            if (c.getVisibility() == GONE) continue;
            int h = c.simMeasure(r - l);
            c.simLayout(l, Math.min(y, b), r, Math.min(y + h, b));
            y += h + GAP;
        }
    }
}
