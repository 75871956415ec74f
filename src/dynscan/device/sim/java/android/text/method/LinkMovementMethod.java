package android.text.method;

/** Makes the links (ClickableSpans) of a TextView tappable. */
public class LinkMovementMethod implements MovementMethod {
    private static final LinkMovementMethod INSTANCE = new LinkMovementMethod();

    public static MovementMethod getInstance() { return INSTANCE; }
}
