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

            /** Decodes the image at {@code url}; READ_EXTERNAL_STORAGE (READ_MEDIA_IMAGES on Android 13+). */
            @Deprecated
            public static android.graphics.Bitmap getBitmap(android.content.ContentResolver cr, Uri url)
                    throws java.io.FileNotFoundException, java.io.IOException {
                android.app.ActivityThread.enforce("android.permission.READ_EXTERNAL_STORAGE", "getBitmap " + url);
                return new android.graphics.Bitmap(4032, 3024);
            }
        }
    }
}
