package android.app;

import android.content.Context;
import android.content.Intent;

/** A token for an Intent another component may send later on the app's behalf. */
public final class PendingIntent {
    public static final int FLAG_IMMUTABLE = 1 << 26;
    private final Intent intent;

    private PendingIntent(Intent intent) { this.intent = intent; }

    public static PendingIntent getBroadcast(Context context, int requestCode, Intent intent, int flags) {
        return new PendingIntent(intent);
    }

    public static PendingIntent getActivity(Context context, int requestCode, Intent intent, int flags) {
        return new PendingIntent(intent);
    }

    public Intent getIntent() { return intent; }
}
