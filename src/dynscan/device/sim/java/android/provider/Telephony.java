package android.provider;

import android.net.Uri;

/** The telephony provider's contract (SMS). */
public final class Telephony {
    private Telephony() {}

    /** SMS messages. */
    public static final class Sms implements BaseColumns {
        public static final Uri CONTENT_URI = Uri.parse("content://sms");
        public static final String ADDRESS = "address";
        public static final String BODY = "body";
        public static final String DATE = "date";
        public static final String TYPE = "type";
        public static final String READ = "read";

        /** Received messages. */
        public static final class Inbox implements BaseColumns {
            public static final Uri CONTENT_URI = Uri.parse("content://sms/inbox");
        }
    }
}
