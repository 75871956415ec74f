package android.text;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Mutable text with spans (the usual way a privacy dialog links 《隐私政策》). */
public class SpannableStringBuilder implements Spannable, Appendable {
    private final StringBuilder mText;
    private final List<Object[]> mSpans = new ArrayList<>(); // {what, start, end}

    public SpannableStringBuilder() { mText = new StringBuilder(); }

    public SpannableStringBuilder(CharSequence text) { mText = new StringBuilder(text == null ? "" : text); }

    @Override public SpannableStringBuilder append(CharSequence text) {
        mText.append(text);
        return this;
    }

    @Override public SpannableStringBuilder append(CharSequence text, int start, int end) {
        mText.append(text, start, end);
        return this;
    }

    @Override public SpannableStringBuilder append(char c) {
        mText.append(c);
        return this;
    }

    public SpannableStringBuilder append(CharSequence text, Object what, int flags) {
        int start = mText.length();
        mText.append(text);
        setSpan(what, start, mText.length(), flags);
        return this;
    }

    @Override public void setSpan(Object what, int start, int end, int flags) {
        if (start < 0 || end > mText.length() || start > end) {
            throw new IndexOutOfBoundsException("setSpan (" + start + " ... " + end + ") ends beyond length " + mText.length());
        }
        removeSpan(what);
        mSpans.add(new Object[] {what, start, end});
    }

    @Override public void removeSpan(Object what) { mSpans.removeIf(s -> s[0] == what); }

    @Override public int getSpanStart(Object tag) {
        for (Object[] s : mSpans) if (s[0] == tag) return (Integer) s[1];
        return -1;
    }

    @Override public int getSpanEnd(Object tag) {
        for (Object[] s : mSpans) if (s[0] == tag) return (Integer) s[2];
        return -1;
    }

    @SuppressWarnings("unchecked")
    @Override public <T> T[] getSpans(int start, int end, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object[] s : mSpans) {
            if (type.isInstance(s[0]) && (Integer) s[1] <= end && (Integer) s[2] >= start) out.add((T) s[0]);
        }
        return out.toArray((T[]) Array.newInstance(type, out.size()));
    }

    @Override public int length() { return mText.length(); }

    @Override public char charAt(int index) { return mText.charAt(index); }

    @Override public CharSequence subSequence(int start, int end) { return mText.subSequence(start, end); }

    @Override public String toString() { return mText.toString(); }
}
