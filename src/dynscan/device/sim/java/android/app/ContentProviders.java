package android.app;

import android.database.Cursor;
import android.database.MatrixCursor;
import android.net.Uri;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The device's contacts, call log and SMS providers; each guarded by its permission. */
public final class ContentProviders {
    private ContentProviders() {}

    private static final String[][] CONTACTS = {
        {"1", "Zhang Wei", "+86 138 0013 8000"},
        {"2", "Li Na", "+86 139 1234 5678"},
        {"3", "Alex Chen", "+1 415 555 0132"},
    };

    public static Cursor query(Uri uri, String[] projection) {
        String u = uri.toString();
        String[] cols;
        List<Object[]> rows = new ArrayList<>();
        if (u.startsWith("content://com.android.contacts/data/phones")) {
            ActivityThread.enforce("android.permission.READ_CONTACTS", "query " + u);
            cols = new String[] {"_id", "contact_id", "display_name", "data1", "data2"};
            for (String[] c : CONTACTS) rows.add(new Object[] {c[0], c[0], c[1], c[2], 2});
        } else if (u.startsWith("content://com.android.contacts")) {
            ActivityThread.enforce("android.permission.READ_CONTACTS", "query " + u);
            cols = new String[] {"_id", "display_name", "has_phone_number"};
            for (String[] c : CONTACTS) rows.add(new Object[] {c[0], c[1], 1});
        } else if (u.startsWith("content://call_log")) {
            ActivityThread.enforce("android.permission.READ_CALL_LOG", "query " + u);
            cols = new String[] {"_id", "number", "date", "duration", "type", "name"};
            rows.add(new Object[] {1, CONTACTS[0][2], 1700000000000L, 65, 1, CONTACTS[0][1]});
            rows.add(new Object[] {2, CONTACTS[2][2], 1700000300000L, 12, 2, CONTACTS[2][1]});
        } else if (u.startsWith("content://sms")) {
            ActivityThread.enforce("android.permission.READ_SMS", "query " + u);
            cols = new String[] {"_id", "address", "body", "date", "type", "read"};
            rows.add(new Object[] {1, "10086", "Your verification code is 482913", 1700000000000L, 1, 1});
            rows.add(new Object[] {2, CONTACTS[1][2], "See you at 7?", 1700000600000L, 1, 0});
        } else if (u.startsWith("content://com.android.calendar")) {
            ActivityThread.enforce("android.permission.READ_CALENDAR", "query " + u);
            cols = new String[] {"_id", "title", "dtstart", "eventLocation"};
            rows.add(new Object[] {1, "Dentist", 1700100000000L, "Huaihai Rd 100, Shanghai"});
        } else if (u.startsWith("content://media")) {
            ActivityThread.enforce("android.permission.READ_EXTERNAL_STORAGE", "query " + u);
            cols = new String[] {"_id", "_display_name", "datetaken"};
            rows.add(new Object[] {1, "IMG_20231116_101500.jpg", 1700100900000L});
        } else if (u.startsWith("content://browser") || u.startsWith("content://com.android.browser")) {
            return null;  // Android 6+ has no browser bookmarks provider: the query returns null
        } else {
            return null;
        }
        String[] out = projection == null ? cols : projection;
        int[] idx = new int[out.length];
        List<String> all = Arrays.asList(cols);
        for (int i = 0; i < out.length; i++) {
            idx[i] = all.indexOf(out[i]);
            if (idx[i] < 0) throw new IllegalArgumentException("Invalid column " + out[i]);
        }
        MatrixCursor c = new MatrixCursor(out);
        for (Object[] r : rows) {
            Object[] picked = new Object[out.length];
            for (int i = 0; i < out.length; i++) picked[i] = r[idx[i]];
            c.addRow(picked);
        }
        return c;
    }
}
