package android.provider;

import android.net.Uri;

/** The contacts provider's contract. */
public final class ContactsContract {
    public static final String AUTHORITY = "com.android.contacts";
    public static final Uri AUTHORITY_URI = Uri.parse("content://com.android.contacts");

    private ContactsContract() {}

    /** Columns of a contact. */
    public static class Contacts implements BaseColumns {
        public static final Uri CONTENT_URI = Uri.parse("content://com.android.contacts/contacts");
        public static final String DISPLAY_NAME = "display_name";
        public static final String HAS_PHONE_NUMBER = "has_phone_number";
    }

    /** Common data kinds. */
    public static final class CommonDataKinds {
        private CommonDataKinds() {}

        /** Phone numbers. */
        public static final class Phone implements BaseColumns {
            public static final Uri CONTENT_URI = Uri.parse("content://com.android.contacts/data/phones");
            public static final String NUMBER = "data1";
            public static final String DISPLAY_NAME = "display_name";
            public static final String CONTACT_ID = "contact_id";
            public static final String TYPE = "data2";
        }

        /** Email addresses. */
        public static final class Email implements BaseColumns {
            public static final Uri CONTENT_URI = Uri.parse("content://com.android.contacts/data/emails");
            public static final String ADDRESS = "data1";
        }
    }
}
