package android.util;

/** Base class for checked exceptions of the Android API. */
public class AndroidException extends Exception {
    public AndroidException() {}

    public AndroidException(String name) { super(name); }

    public AndroidException(String name, Throwable cause) { super(name, cause); }
}
