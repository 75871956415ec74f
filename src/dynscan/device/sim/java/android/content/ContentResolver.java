package android.content;

import android.database.Cursor;
import android.net.Uri;

/** Access to content providers: the device's contacts, call log and SMS. */
public class ContentResolver {
    private final Context mContext;

    public ContentResolver(Context context) { mContext = context; }

    public final Cursor query(Uri uri, String[] projection, String selection, String[] selectionArgs,
                              String sortOrder) {
        return android.app.ContentProviders.query(uri, projection);
    }

    public final String getType(Uri url) { return null; }

    Context context() { return mContext; }
}
