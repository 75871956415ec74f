package android.view;

import android.content.Context;
import dynscan.sim.UiXml;

/** The basic building block of a screen. */
public class View {
    public static final int VISIBLE = 0;
    public static final int INVISIBLE = 4;
    public static final int GONE = 8;
    public static final int NO_ID = -1;

    /** Called when a view is clicked. */
    public interface OnClickListener {
        void onClick(View v);
    }

    /** Called when a view is long-clicked. */
    public interface OnLongClickListener {
        boolean onLongClick(View v);
    }

    private final Context mContext;
    private OnClickListener mOnClick;
    private int mId = NO_ID;
    private int mVisibility = VISIBLE;
    private boolean mEnabled = true;
    private boolean mClickable;
    private CharSequence mContentDescription;
    private Object mTag;
    ViewGroup mParent;
    /** Layout result: left, top, right, bottom. */
    protected final int[] simBounds = new int[4];

    public View(Context context) { mContext = context; }

    public final Context getContext() { return mContext; }

    public void setOnClickListener(OnClickListener l) {
        mOnClick = l;
        if (l != null) mClickable = true;
    }

    public void setOnLongClickListener(OnLongClickListener l) {}

    public boolean hasOnClickListeners() { return mOnClick != null; }

    public boolean performClick() {
        if (mOnClick == null) return false;
        mOnClick.onClick(this);
        return true;
    }

    public boolean callOnClick() { return performClick(); }

    public void setId(int id) { mId = id; }
    public int getId() { return mId; }
    public void setVisibility(int visibility) { mVisibility = visibility; }
    public int getVisibility() { return mVisibility; }
    public void setEnabled(boolean enabled) { mEnabled = enabled; }
    public boolean isEnabled() { return mEnabled; }
    public void setClickable(boolean clickable) { mClickable = clickable; }
    public boolean isClickable() { return mClickable; }
    public void setContentDescription(CharSequence d) { mContentDescription = d; }
    public CharSequence getContentDescription() { return mContentDescription; }
    public void setTag(Object tag) { mTag = tag; }
    public Object getTag() { return mTag; }
    public ViewParent getParent() { return mParent; }
    public void setPadding(int left, int top, int right, int bottom) {}
    public void setBackgroundColor(int color) {}
    public void invalidate() {}
    public void requestLayout() {}

    public boolean post(Runnable action) {
        return new android.os.Handler(android.os.Looper.getMainLooper()).post(action);
    }

    public boolean postDelayed(Runnable action, long delayMillis) {
        return new android.os.Handler(android.os.Looper.getMainLooper()).postDelayed(action, delayMillis);
    }

    public <T extends View> T findViewById(int id) { return simFind(id); }

    @SuppressWarnings("unchecked")
    <T extends View> T simFind(int id) { return id == mId ? (T) this : null; }

    // ---- virtual device: layout, dump, hit test (not part of the Android API) ----

    /** Height of this view when laid out at the given width. */
    public int simMeasure(int width) { return 120; }

    public void simLayout(int l, int t, int r, int b) {
        simBounds[0] = l;
        simBounds[1] = t;
        simBounds[2] = r;
        simBounds[3] = b;
    }

    public int simLeft() { return simBounds[0]; }
    public int simTop() { return simBounds[1]; }
    public int simRight() { return simBounds[2]; }
    public int simBottom() { return simBounds[3]; }

    protected String simText() { return ""; }

    /** The Android class a screen reader would report (an app's subclass reports its framework base). */
    protected String simClassName() {
        Class<?> c = getClass();
        while (!c.getName().startsWith("android.")) c = c.getSuperclass();
        return c.getName();
    }

    public void simDump(StringBuilder sb, int index, String pkg) {
        String rid = mId == NO_ID ? "" : pkg + ":id/view_" + mId;
        UiXml.open(sb, index, simText(), rid, simClassName(), pkg,
                mContentDescription == null ? "" : mContentDescription.toString(), mClickable, mEnabled, simBounds);
        simDumpChildren(sb, pkg);
        UiXml.close(sb);
    }

    protected void simDumpChildren(StringBuilder sb, String pkg) {}

    /** The deepest clickable view at (x, y), or null. */
    public View simHit(int x, int y) {
        if (mVisibility != VISIBLE || !UiXml.inside(simBounds, x, y)) return null;
        return mClickable && mEnabled ? this : null;
    }
}
