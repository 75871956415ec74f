package android.os;

/** Posts work to a {@link Looper}'s thread. */
public class Handler {
    public interface Callback {
        boolean handleMessage(Message msg);
    }

    private final Looper mLooper;
    private final Callback mCallback;

    @Deprecated
    public Handler() { this(Looper.myLooper(), null); }

    public Handler(Looper looper) { this(looper, null); }

    public Handler(Looper looper, Callback callback) {
        if (looper == null) throw new RuntimeException("Can't create handler inside thread that has not called Looper.prepare()");
        mLooper = looper;
        mCallback = callback;
    }

    public final Looper getLooper() { return mLooper; }

    public final boolean post(Runnable r) { return postDelayed(r, 0); }

    public final boolean postDelayed(Runnable r, long delayMillis) {
        return mLooper.enqueue(this, r, null, SystemClock.uptimeMillis() + Math.max(0, delayMillis));
    }

    public final boolean postAtTime(Runnable r, long uptimeMillis) {
        return mLooper.enqueue(this, r, null, uptimeMillis);
    }

    public final void removeCallbacks(Runnable r) { mLooper.remove(this, r, 0, false); }

    public final void removeMessages(int what) { mLooper.remove(this, null, what, true); }

    public final void removeCallbacksAndMessages(Object token) {
        mLooper.remove(this, null, 0, false);
    }

    public final boolean hasMessages(int what) { return mLooper.has(this, what); }

    public final Message obtainMessage() { return obtainMessage(0, null); }

    public final Message obtainMessage(int what) { return obtainMessage(what, null); }

    public final Message obtainMessage(int what, Object obj) {
        Message m = Message.obtain();
        m.what = what;
        m.obj = obj;
        m.target = this;
        return m;
    }

    public final boolean sendMessage(Message msg) { return sendMessageDelayed(msg, 0); }

    public final boolean sendMessageDelayed(Message msg, long delayMillis) {
        msg.target = this;
        return mLooper.enqueue(this, null, msg, SystemClock.uptimeMillis() + Math.max(0, delayMillis));
    }

    public final boolean sendEmptyMessage(int what) { return sendEmptyMessageDelayed(what, 0); }

    public final boolean sendEmptyMessageDelayed(int what, long delayMillis) {
        return sendMessageDelayed(obtainMessage(what), delayMillis);
    }

    public void handleMessage(Message msg) {}

    public void dispatchMessage(Message msg) {
        if (mCallback != null && mCallback.handleMessage(msg)) return;
        handleMessage(msg);
    }
}
