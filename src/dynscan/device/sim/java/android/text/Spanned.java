package android.text;

/** Text with markup objects attached to ranges. */
public interface Spanned extends CharSequence {
    int SPAN_EXCLUSIVE_EXCLUSIVE = 33;
    int SPAN_INCLUSIVE_EXCLUSIVE = 17;
    int SPAN_EXCLUSIVE_INCLUSIVE = 34;
    int SPAN_INCLUSIVE_INCLUSIVE = 18;

    int getSpanStart(Object tag);
    int getSpanEnd(Object tag);
    <T> T[] getSpans(int start, int end, Class<T> type);
}
