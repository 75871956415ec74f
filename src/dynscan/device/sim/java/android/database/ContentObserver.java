package android.database;

import android.os.Handler;

/** Receives change notifications for content. */
public abstract class ContentObserver {
    public ContentObserver(Handler handler) {}

    public void onChange(boolean selfChange) {}
}
