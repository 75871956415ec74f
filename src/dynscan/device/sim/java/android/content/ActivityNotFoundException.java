package android.content;

/** Thrown when startActivity finds nothing to handle the Intent. */
public class ActivityNotFoundException extends RuntimeException {
    public ActivityNotFoundException() {}

    public ActivityNotFoundException(String name) { super(name); }
}
