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
    private boolean mLongClickable;
    private boolean mFocusable;
    private boolean mSelected;
    private ViewGroup.LayoutParams mLayoutParams;
    private static final java.util.concurrent.atomic.AtomicInteger sNextGeneratedId =
            new java.util.concurrent.atomic.AtomicInteger(1);
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

    public void setOnLongClickListener(OnLongClickListener l) {
        if (l != null) mLongClickable = true;
    }

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
    public void setLongClickable(boolean longClickable) { mLongClickable = longClickable; }
    public boolean isLongClickable() { return mLongClickable; }
    public void setFocusable(boolean focusable) { mFocusable = focusable; }
    public boolean isFocusable() { return mFocusable || mClickable; }
    public void setSelected(boolean selected) { mSelected = selected; }
    public boolean isSelected() { return mSelected; }
    public boolean isShown() {
        View v = this;
        while (v != null) {
            if (v.mVisibility != VISIBLE) return false;
            v = v.mParent;
        }
        return true;
    }
    public ViewGroup.LayoutParams getLayoutParams() { return mLayoutParams; }
    public void setLayoutParams(ViewGroup.LayoutParams params) { mLayoutParams = params; }
    public void setAlpha(float alpha) {}
    public void setBackgroundResource(int resid) {}
    public void setMinimumHeight(int minHeight) {}

    /** A value for {@link #setId} that no resource uses (shown with an empty resource-id). */
    public static int generateViewId() {
        while (true) {
            int result = sNextGeneratedId.get();
            int next = result + 1 > 0x00FFFFFF ? 1 : result + 1;
            if (sNextGeneratedId.compareAndSet(result, next)) return result;
        }
    }
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

    /** The resource-id a dump shows: {@code pkg:id/name} when the ID has a resource name. */
    protected String simResourceId() { return mId == NO_ID ? "" : dynscan.sim.Ids.name(mId); }

    protected boolean simCheckable() { return false; }
    protected boolean simChecked() { return false; }
    protected boolean simScrollable() { return false; }

    public void simDump(StringBuilder sb, int index, String pkg) {
        UiXml.Flags f = new UiXml.Flags();
        f.checkable = simCheckable();
        f.checked = simChecked();
        f.clickable = mClickable;
        f.enabled = mEnabled;
        f.focusable = isFocusable();
        f.scrollable = simScrollable();
        f.longClickable = mLongClickable;
        f.selected = mSelected;
        UiXml.open(sb, index, simText(), simResourceId(), simClassName(), pkg,
                mContentDescription == null ? "" : mContentDescription.toString(), f, simBounds);
        simDumpChildren(sb, pkg);
        UiXml.close(sb);
    }

    /** Width this view asks for in a horizontal row, or -1 to share the row's free width. */
    public int simWidth() {
        return mLayoutParams != null && mLayoutParams.width > 0 ? mLayoutParams.width : simIntrinsicWidth();
    }

    protected int simIntrinsicWidth() { return -1; }

    protected void simDumpChildren(StringBuilder sb, String pkg) {}

    /** The view a tap at (x, y) is delivered to: the deepest clickable view there, so a tap on a plain
     *  TextView inside a clickable layout lands on the layout, as on Android; or null. */
    public View simHit(int x, int y) {
        if (mVisibility != VISIBLE || !UiXml.inside(simBounds, x, y)) return null;
        return mClickable ? this : null;
    }

    /** Deliver a tap that {@link #simHit} chose: a disabled view swallows it, as on Android. */
    public boolean simClick() {
        if (!mEnabled) return false;
        dynscan.sim.Sim.log("click", "view", simClassName(), "id", simResourceId(), "text", simText(),
                "desc", mContentDescription == null ? "" : mContentDescription.toString());
        return performClick();
    }
}
