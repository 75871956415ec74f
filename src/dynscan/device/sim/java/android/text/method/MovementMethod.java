package android.text.method;

/** How a TextView handles cursor movement and taps on its text. */
public interface MovementMethod {}
