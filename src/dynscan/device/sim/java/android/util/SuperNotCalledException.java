package android.util;

/** An app's override of a framework callback did not call through to the superclass's implementation. */
public final class SuperNotCalledException extends AndroidRuntimeException {
    public SuperNotCalledException(String msg) { super(msg); }
}
