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

    public LinearLayout(Context context) { super(context); }

    public void setOrientation(int orientation) { mOrientation = orientation; }

    public int getOrientation() { return mOrientation; }

    public void setGravity(int gravity) {}

    private int visibleCount() {
        int n = 0;
        for (View c : simChildren) if (c.getVisibility() != GONE) n++;
        return n;
    }

    @Override public int simMeasure(int width) {
        int n = visibleCount();
        if (n == 0) return 0;
        if (mOrientation == HORIZONTAL) {
            int w = width / n;
            int h = 0;
            for (View c : simChildren) if (c.getVisibility() != GONE) h = Math.max(h, c.simMeasure(w));
            return h;
        }
        int h = 0;
        for (View c : simChildren) if (c.getVisibility() != GONE) h += c.simMeasure(width) + GAP;
        return h - GAP;
    }

    @Override public void simLayout(int l, int t, int r, int b) {
        super.simLayout(l, t, r, b);
        int n = visibleCount();
        if (n == 0) return;
        int x = l;
        int y = t;
        int w = (r - l) / n;
        for (View c : simChildren) {
            if (c.getVisibility() == GONE) continue;
            if (mOrientation == HORIZONTAL) {
                c.simLayout(x, t, x + w, Math.min(b, t + c.simMeasure(w)));
                x += w;
            } else {
                int h = c.simMeasure(r - l);
                c.simLayout(l, Math.min(y, b), r, Math.min(y + h, b));
                y += h + GAP;
            }
        }
    }
}
