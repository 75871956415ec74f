package android.provider;

import android.net.Uri;

/** The media provider's contract. */
public final class MediaStore {
    public static final String AUTHORITY = "media";

    private MediaStore() {}

    /** Images. */
    public static final class Images {
        private Images() {}

        /** Image files. */
        public static final class Media implements BaseColumns {
            public static final Uri EXTERNAL_CONTENT_URI = Uri.parse("content://media/external/images/media");
            public static final String DISPLAY_NAME = "_display_name";
            public static final String DATE_TAKEN = "datetaken";
        }
    }
}
