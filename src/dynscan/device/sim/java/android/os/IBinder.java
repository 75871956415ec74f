package android.os;

/** A remote object (opaque on the virtual device). */
public interface IBinder {
    boolean isBinderAlive();
}
