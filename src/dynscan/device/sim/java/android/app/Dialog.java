package android.app;

import android.content.Context;
import android.content.DialogInterface;
import android.view.View;
import dynscan.sim.Sim;
import dynscan.sim.UiXml;

/** A window on top of the activity; modal: taps outside it never reach the activity. */
public class Dialog implements DialogInterface {
    private final Context mContext;
    final Activity mOwner;
    boolean mCancelable = true;
    boolean mCanceledOnTouchOutside = true;
    private boolean mShowing;
    private OnDismissListener mOnDismiss;
    private OnCancelListener mOnCancel;
    CharSequence mTitle;
    private View mContent;
    final int[] simBox = new int[4];

    public Dialog(Context context) {
        mContext = context;
        mOwner = context instanceof Activity ? (Activity) context : null;
    }

    public final Context getContext() { return mContext; }

    public void setTitle(CharSequence title) { mTitle = title; }

    public void setContentView(View view) { mContent = view; }

    public void setContentView(View view, android.view.ViewGroup.LayoutParams params) { mContent = view; }

    private final android.view.Window mWindow = new android.view.Window();

    public android.view.Window getWindow() { return mWindow; }

    public final boolean requestWindowFeature(int featureId) { return mWindow.requestFeature(featureId); }

    @SuppressWarnings("unchecked")
    public <T extends View> T findViewById(int id) { return mContent == null ? null : (T) mContent.findViewById(id); }

    public void setCancelable(boolean flag) { mCancelable = flag; }

    public void setCanceledOnTouchOutside(boolean cancel) {
        if (cancel && !mCancelable) mCancelable = true;
        mCanceledOnTouchOutside = cancel;
    }

    public void setOnDismissListener(OnDismissListener listener) { mOnDismiss = listener; }

    public void setOnCancelListener(OnCancelListener listener) { mOnCancel = listener; }

    public boolean isShowing() { return mShowing; }

    public void show() {
        ActivityThread.runOnMain(() -> {
            if (mShowing) return;
            mShowing = true;
            ActivityThread.DIALOGS.add(this);
            Sim.log("dialog", "action", "show", "title", mTitle == null ? null : mTitle.toString(), "text", simMessage());
        });
    }

    @Override public void dismiss() {
        ActivityThread.runOnMain(() -> {
            if (!mShowing) return;
            mShowing = false;
            ActivityThread.DIALOGS.remove(this);
            Sim.log("dialog", "action", "dismiss", "title", mTitle == null ? null : mTitle.toString());
            if (mOnDismiss != null) mOnDismiss.onDismiss(this);
        });
    }

    @Override public void cancel() {
        ActivityThread.runOnMain(() -> {
            if (!mShowing) return;
            if (mOnCancel != null) mOnCancel.onCancel(this);
            dismiss();
        });
    }

    public void hide() { dismiss(); }

    String simMessage() { return null; }

    // ---- virtual device: layout, dump, taps ----

    void simLayout() {
        int h = mContent == null ? 200 : mContent.simMeasure(954 - 84) + 84;
        simBox[0] = 63;
        simBox[1] = (Screen.H - h) / 2;
        simBox[2] = 1017;
        simBox[3] = simBox[1] + h;
        if (mContent != null) mContent.simLayout(105, simBox[1] + 42, 975, simBox[3] - 42);
    }

    /** The dialog's window: the decor, then {@code android:id/content} holding the app's view. */
    void simDump(StringBuilder sb, int index, String pkg) {
        UiXml.open(sb, index, "", "", "android.widget.FrameLayout", pkg, "", false, true, simBox);
        UiXml.open(sb, 0, "", "android:id/content", "android.widget.FrameLayout", pkg, "", false, true, simBox);
        if (mContent != null) mContent.simDump(sb, 0, pkg);
        UiXml.close(sb);
        UiXml.close(sb);
    }

    String simTap(int x, int y) {
        if (!UiXml.inside(simBox, x, y)) {
            if (mCancelable && mCanceledOnTouchOutside) {
                cancel();
                return "outside";
            }
            return "";
        }
        if (mContent == null) return "";
        View v = mContent.simHit(x, y);
        if (v == null) return "";
        v.simClick();
        return v.getClass().getName();
    }
}
