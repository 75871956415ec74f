package android.webkit;

/** A callback that receives one value. */
public interface ValueCallback<T> {
    void onReceiveValue(T value);
}
