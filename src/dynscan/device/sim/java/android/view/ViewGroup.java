package android.view;

import android.content.Context;
import java.util.ArrayList;
import java.util.List;

/** A view that contains other views. */
public abstract class ViewGroup extends View implements ViewParent {
    protected final List<View> simChildren = new ArrayList<>();

    /** Layout size parameters. */
    public static class LayoutParams {
        public static final int MATCH_PARENT = -1;
        public static final int WRAP_CONTENT = -2;
        public int width;
        public int height;

        public LayoutParams(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    /** Layout parameters with margins. */
    public static class MarginLayoutParams extends LayoutParams {
        public int leftMargin;
        public int topMargin;
        public int rightMargin;
        public int bottomMargin;

        public MarginLayoutParams(int width, int height) { super(width, height); }

        public MarginLayoutParams(LayoutParams source) { super(source.width, source.height); }

        public void setMargins(int left, int top, int right, int bottom) {
            leftMargin = left;
            topMargin = top;
            rightMargin = right;
            bottomMargin = bottom;
        }
    }

    public ViewGroup(Context context) { super(context); }

    public void addView(View child) { addView(child, -1); }

    public void addView(View child, int index) {
        if (child.mParent != null) throw new IllegalStateException("The specified child already has a parent.");
        child.mParent = this;
        if (index < 0 || index >= simChildren.size()) simChildren.add(child);
        else simChildren.add(index, child);
    }

    public void addView(View child, LayoutParams params) { addView(child, -1, params); }

    public void addView(View child, int index, LayoutParams params) {
        child.setLayoutParams(params);
        addView(child, index);
    }

    public void addView(View child, int width, int height) { addView(child, -1, new LayoutParams(width, height)); }

    public void removeView(View view) {
        if (simChildren.remove(view)) view.mParent = null;
    }

    public void removeAllViews() {
        for (View v : simChildren) v.mParent = null;
        simChildren.clear();
    }

    public int getChildCount() { return simChildren.size(); }

    public View getChildAt(int index) { return index >= 0 && index < simChildren.size() ? simChildren.get(index) : null; }

    @Override <T extends View> T simFind(int id) {
        T self = super.simFind(id);
        if (self != null) return self;
        for (View c : simChildren) {
            T found = c.simFind(id);
            if (found != null) return found;
        }
        return null;
    }

    @Override protected void simDumpChildren(StringBuilder sb, String pkg) {
        int i = 0;
        for (View c : simChildren) {
            if (c.getVisibility() == GONE) continue;
            c.simDump(sb, i++, pkg);
        }
    }

    @Override public View simHit(int x, int y) {
        if (getVisibility() != VISIBLE || !dynscan.sim.UiXml.inside(simBounds, x, y)) return null;
        for (int i = simChildren.size() - 1; i >= 0; i--) {
            View hit = simChildren.get(i).simHit(x, y);
            if (hit != null) return hit;
        }
        return super.simHit(x, y);
    }
}
