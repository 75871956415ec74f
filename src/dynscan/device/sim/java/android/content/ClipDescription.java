package android.content;

/** Meta-data of a clip: its label and MIME types (reading it does not read the clip). */
public class ClipDescription {
    public static final String MIMETYPE_TEXT_PLAIN = "text/plain";
    private final CharSequence label;
    private final String[] mimeTypes;

    public ClipDescription(CharSequence label, String[] mimeTypes) {
        this.label = label;
        this.mimeTypes = mimeTypes.clone();
    }

    public CharSequence getLabel() { return label; }
    public int getMimeTypeCount() { return mimeTypes.length; }
    public String getMimeType(int index) { return mimeTypes[index]; }
    public boolean hasMimeType(String mimeType) { return java.util.Arrays.asList(mimeTypes).contains(mimeType); }

    @Override public String toString() { return "ClipDescription { " + String.join(" ", mimeTypes) + " }"; }
}
