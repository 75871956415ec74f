package android.content;

import java.util.ArrayList;
import java.util.List;

/** Clipped data on the clipboard. */
public class ClipData {
    /** One item of clipped data. */
    public static class Item {
        final CharSequence mText;

        public Item(CharSequence text) { mText = text; }

        public CharSequence getText() { return mText; }

        public CharSequence coerceToText(Context context) { return mText == null ? "" : mText; }
    }

    private final CharSequence mLabel;
    private final List<Item> mItems = new ArrayList<>();

    public ClipData(CharSequence label, String[] mimeTypes, Item item) {
        mLabel = label;
        mItems.add(item);
    }

    public static ClipData newPlainText(CharSequence label, CharSequence text) {
        return new ClipData(label, new String[] {"text/plain"}, new Item(text));
    }

    public void addItem(Item item) { mItems.add(item); }

    public int getItemCount() { return mItems.size(); }

    public Item getItemAt(int index) { return mItems.get(index); }

    public CharSequence getLabel() { return mLabel; }

    @Override public String toString() { return "ClipData { " + mLabel + " }"; }
}
