package android.text;

/** Immutable text with changeable spans. */
public class SpannableString extends SpannableStringBuilder {
    public SpannableString(CharSequence source) { super(source); }

    public static SpannableString valueOf(CharSequence source) { return new SpannableString(source); }
}
