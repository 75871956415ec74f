package android.app;

import android.content.Context;
import android.content.DialogInterface;
import android.widget.Button;
import dynscan.sim.Sim;
import dynscan.sim.UiXml;

/** A dialog with a title, a message and up to three buttons. */
public class AlertDialog extends Dialog implements DialogInterface {
    private CharSequence mMessage;
    private final Button[] mButtons = new Button[3]; // positive, negative, neutral
    private final OnClickListener[] mListeners = new OnClickListener[3];
    private final int[] titleBox = new int[4];
    private final int[] messageBox = new int[4];
    private android.view.View mView;
    private final int[] viewBox = new int[4];

    protected AlertDialog(Context context) { super(context); }

    public void setMessage(CharSequence message) { mMessage = message; }

    /** A custom view shown below the message (the usual home of a custom privacy dialog's layout). */
    public void setView(android.view.View view) { mView = view; }

    @SuppressWarnings("unchecked")
    @Override public <T extends android.view.View> T findViewById(int id) {
        return mView == null ? null : (T) mView.findViewById(id);
    }

    private static int slot(int which) { return which == BUTTON_POSITIVE ? 0 : which == BUTTON_NEGATIVE ? 1 : 2; }

    public void setButton(int whichButton, CharSequence text, OnClickListener listener) {
        int s = slot(whichButton);
        Button b = new Button(getContext());
        b.setText(text);
        mButtons[s] = b;
        mListeners[s] = listener;
    }

    public Button getButton(int whichButton) { return mButtons[slot(whichButton)]; }

    @Override String simMessage() { return mMessage == null ? null : mMessage.toString(); }

    private static final String[] IDS = {"android:id/button1", "android:id/button2", "android:id/button3"};
    private static final int[] WHICH = {BUTTON_POSITIVE, BUTTON_NEGATIVE, BUTTON_NEUTRAL};

    @Override void simLayout() {
        int titleH = mTitle == null ? 0 : UiXml.lines(mTitle, 30) * 70 + 30;
        int msgH = mMessage == null ? 0 : UiXml.lines(mMessage, 34) * 56 + 40;
        int viewH = mView == null ? 0 : mView.simMeasure(975 - 105) + 21;
        boolean anyButton = mButtons[0] != null || mButtons[1] != null || mButtons[2] != null;
        int h = 63 + titleH + msgH + viewH + (anyButton ? 42 + 126 : 0) + 21;
        simBox[0] = 63;
        simBox[1] = (Screen.H - h) / 2;
        simBox[2] = 1017;
        simBox[3] = simBox[1] + h;
        int y = simBox[1] + 63;
        set(titleBox, 126, y, 954, y + titleH);
        y += titleH;
        set(messageBox, 126, y, 954, y + msgH);
        y += msgH;
        if (mView != null) {
            set(viewBox, 105, y, 975, y + viewH - 21);
            mView.simLayout(105, y, 975, y + viewH - 21);
            y += viewH;
        }
        y += 42;
        int right = 975;
        for (int s = 0; s < 2; s++) {
            Button b = mButtons[s];
            if (b == null) continue;
            int w = Math.max(189, b.getText().length() * 30 + 60);
            b.simLayout(right - w, y, right, y + 126);
            right -= w + 21;
        }
        if (mButtons[2] != null) {
            int w = Math.max(189, mButtons[2].getText().length() * 30 + 60);
            mButtons[2].simLayout(105, y, 105 + w, y + 126);
        }
    }

    private static void set(int[] b, int l, int t, int r, int bo) {
        b[0] = l;
        b[1] = t;
        b[2] = r;
        b[3] = bo;
    }

    @Override void simDump(StringBuilder sb, int index, String pkg) {
        UiXml.open(sb, index, "", "", "android.widget.FrameLayout", pkg, "", false, true, simBox);
        UiXml.open(sb, 0, "", "android:id/parentPanel", "android.widget.LinearLayout", pkg, "", false, true, simBox);
        int i = 0;
        if (mTitle != null) UiXml.leaf(sb, i++, mTitle.toString(), "android:id/alertTitle", "android.widget.TextView", pkg, false, titleBox);
        if (mMessage != null) UiXml.leaf(sb, i++, mMessage.toString(), "android:id/message", "android.widget.TextView", pkg, false, messageBox);
        if (mView != null) {
            UiXml.open(sb, i++, "", "android:id/customPanel", "android.widget.FrameLayout", pkg, "", false, true, viewBox);
            UiXml.open(sb, 0, "", "android:id/custom", "android.widget.FrameLayout", pkg, "", false, true, viewBox);
            mView.simDump(sb, 0, pkg);
            UiXml.close(sb);
            UiXml.close(sb);
        }
        for (int s : new int[] {2, 1, 0}) {
            Button b = mButtons[s];
            if (b == null || b.getVisibility() != android.view.View.VISIBLE) continue;
            UiXml.open(sb, i++, b.getText().toString(), IDS[s], "android.widget.Button", pkg, "", true, b.isEnabled(), boundsOf(b));
            UiXml.close(sb);
        }
        UiXml.close(sb);
        UiXml.close(sb);
    }

    private static int[] boundsOf(Button b) {
        return new int[] {b.simLeft(), b.simTop(), b.simRight(), b.simBottom()};
    }

    @Override String simTap(int x, int y) {
        for (int s = 0; s < 3; s++) {
            Button b = mButtons[s];
            if (b == null || !b.isEnabled() || b.getVisibility() != android.view.View.VISIBLE) continue;
            if (UiXml.inside(boundsOf(b), x, y)) {
                Sim.log("dialog", "action", "click", "button", IDS[s], "text", b.getText().toString());
                if (mListeners[s] != null) mListeners[s].onClick(this, WHICH[s]);
                dismiss();
                return IDS[s];
            }
        }
        if (mView != null && UiXml.inside(viewBox, x, y)) {
            android.view.View v = mView.simHit(x, y);
            if (v == null) return "";
            v.simClick();
            return v.getClass().getName();
        }
        return UiXml.inside(simBox, x, y) ? "" : super.simTap(x, y);
    }

    /** Builds an AlertDialog. */
    public static class Builder {
        private final Context mContext;
        private CharSequence mTitle;
        private CharSequence mMessage;
        private final CharSequence[] mText = new CharSequence[3];
        private final OnClickListener[] mListen = new OnClickListener[3];
        private boolean mCancelable = true;
        private android.view.View mView;
        private OnCancelListener mOnCancel;
        private OnDismissListener mOnDismiss;

        public Builder(Context context) { mContext = context; }

        public Builder(Context context, int themeResId) { this(context); }

        public Context getContext() { return mContext; }

        public Builder setTitle(CharSequence title) { mTitle = title; return this; }

        public Builder setMessage(CharSequence message) { mMessage = message; return this; }

        public Builder setPositiveButton(CharSequence text, OnClickListener listener) {
            mText[0] = text;
            mListen[0] = listener;
            return this;
        }

        public Builder setNegativeButton(CharSequence text, OnClickListener listener) {
            mText[1] = text;
            mListen[1] = listener;
            return this;
        }

        public Builder setNeutralButton(CharSequence text, OnClickListener listener) {
            mText[2] = text;
            mListen[2] = listener;
            return this;
        }

        public Builder setView(android.view.View view) { mView = view; return this; }

        public Builder setCancelable(boolean cancelable) { mCancelable = cancelable; return this; }

        public Builder setOnCancelListener(OnCancelListener l) { mOnCancel = l; return this; }

        public Builder setOnDismissListener(OnDismissListener l) { mOnDismiss = l; return this; }

        public AlertDialog create() {
            AlertDialog d = new AlertDialog(mContext);
            d.setTitle(mTitle);
            d.setMessage(mMessage);
            if (mView != null) d.setView(mView);
            for (int s = 0; s < 3; s++) if (mText[s] != null) d.setButton(WHICH[s], mText[s], mListen[s]);
            d.setCancelable(mCancelable);
            d.setCanceledOnTouchOutside(mCancelable);
            if (mOnCancel != null) d.setOnCancelListener(mOnCancel);
            if (mOnDismiss != null) d.setOnDismissListener(mOnDismiss);
            return d;
        }

        public AlertDialog show() {
            AlertDialog d = create();
            d.show();
            return d;
        }
    }
}
