package android.content;

import android.database.Cursor;
import android.net.Uri;

/** Access to content providers: the device's contacts, call log and SMS. */
public class ContentResolver {
    private final Context mContext;

    public ContentResolver(Context context) { mContext = context; }

    public final Cursor query(Uri uri, String[] projection, String selection, String[] selectionArgs,
                              String sortOrder) {
        if (android.app.ActivityThread.acquireProvider(mContext, uri.getAuthority(), 0, false) == null) return null;
        return android.app.ContentProviders.query(uri, projection);
    }

    public final String getType(Uri url) { return null; }

    /** Watch {@code uri} for changes (the virtual device's providers never change). */
    public final void registerContentObserver(Uri uri, boolean notifyForDescendants, android.database.ContentObserver observer) {
        if (uri == null || observer == null) throw new NullPointerException("uri and observer must not be null");
    }

    public final void unregisterContentObserver(android.database.ContentObserver observer) {}

    /** Insert a row; the virtual device's providers are read-only, as SMS is for apps that are not the default SMS app. */
    public final Uri insert(Uri url, ContentValues values) {
        if (android.app.ActivityThread.acquireProvider(mContext, url.getAuthority(), 0, true) == null) return null;
        android.app.ActivityThread.note("provider_insert", "uri", String.valueOf(url));
        return null;
    }

    Context context() { return mContext; }
}
