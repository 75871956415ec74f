package android.provider;

import android.net.Uri;

/** The calendar provider's contract. */
public final class CalendarContract {
    public static final String AUTHORITY = "com.android.calendar";

    private CalendarContract() {}

    /** Calendar events. */
    public static final class Events implements BaseColumns {
        public static final Uri CONTENT_URI = Uri.parse("content://com.android.calendar/events");
        public static final String TITLE = "title";
        public static final String DTSTART = "dtstart";
        public static final String EVENT_LOCATION = "eventLocation";
    }

    /** Occurrences of events in a time range. */
    public static final class Instances implements BaseColumns {
        public static final Uri CONTENT_URI = Uri.parse("content://com.android.calendar/instances/when");

        private Instances() {}

        /** The instances between {@code begin} and {@code end}; READ_CALENDAR. */
        public static android.database.Cursor query(android.content.ContentResolver cr, String[] projection, long begin, long end) {
            return cr.query(Uri.parse("content://com.android.calendar/events"), projection, null, null, null);
        }
    }
}
