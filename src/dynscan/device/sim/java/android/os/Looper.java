package android.os;

import java.util.PriorityQueue;

/** A thread's message loop (the main thread has one: the app's UI thread). */
public final class Looper {
    private static final ThreadLocal<Looper> CURRENT = new ThreadLocal<>();
    private static Looper sMain;

    static final class Msg implements Comparable<Msg> {
        final long when;
        final long seq;
        final Handler handler;
        final Runnable callback;
        final Message message;

        Msg(long when, long seq, Handler handler, Runnable callback, Message message) {
            this.when = when;
            this.seq = seq;
            this.handler = handler;
            this.callback = callback;
            this.message = message;
        }

        @Override public int compareTo(Msg o) {
            return when != o.when ? Long.compare(when, o.when) : Long.compare(seq, o.seq);
        }
    }

    final Thread mThread;
    private final PriorityQueue<Msg> queue = new PriorityQueue<>();
    private long seq;
    private boolean quitting;
    /** System.nanoTime() when the message being dispatched started; 0 when idle (read by the watchdog). */
    public volatile long dispatchStartNanos;

    private Looper() { mThread = Thread.currentThread(); }

    public static void prepare() {
        if (CURRENT.get() != null) throw new RuntimeException("Only one Looper may be created per thread");
        CURRENT.set(new Looper());
    }

    @Deprecated
    public static void prepareMainLooper() {
        prepare();
        synchronized (Looper.class) { sMain = CURRENT.get(); }
    }

    public static Looper getMainLooper() {
        synchronized (Looper.class) { return sMain; }
    }

    public static Looper myLooper() { return CURRENT.get(); }

    public Thread getThread() { return mThread; }

    public boolean isCurrentThread() { return Thread.currentThread() == mThread; }

    public void quit() {
        synchronized (queue) {
            quitting = true;
            queue.notifyAll();
        }
    }

    public void quitSafely() { quit(); }

    boolean enqueue(Handler h, Runnable r, Message m, long uptimeMillis) {
        synchronized (queue) {
            if (quitting) return false;
            queue.add(new Msg(uptimeMillis, seq++, h, r, m));
            queue.notifyAll();
            return true;
        }
    }

    void remove(Handler h, Runnable r, int what, boolean byWhat) {
        synchronized (queue) {
            queue.removeIf(m -> m.handler == h && (byWhat
                    ? m.message != null && m.message.what == what
                    : m.callback == r && r != null));
        }
    }

    boolean has(Handler h, int what) {
        synchronized (queue) {
            for (Msg m : queue) if (m.handler == h && m.message != null && m.message.what == what) return true;
            return false;
        }
    }

    private Msg next() throws InterruptedException {
        synchronized (queue) {
            while (true) {
                if (quitting) return null;
                Msg head = queue.peek();
                long now = SystemClock.uptimeMillis();
                if (head != null && head.when <= now) return queue.poll();
                queue.wait(head == null ? 0 : Math.max(1, head.when - now));
            }
        }
    }

    public static void loop() {
        Looper me = myLooper();
        if (me == null) throw new RuntimeException("No Looper; Looper.prepare() wasn't called on this thread.");
        while (true) {
            Msg m;
            try {
                m = me.next();
            } catch (InterruptedException e) {
                return;
            }
            if (m == null) return;
            me.dispatchStartNanos = System.nanoTime();
            try {
                if (m.callback != null) m.callback.run();
                else m.handler.dispatchMessage(m.message);
            } finally {
                me.dispatchStartNanos = 0;
            }
        }
    }
}
