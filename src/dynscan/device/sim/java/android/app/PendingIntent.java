package android.app;

import android.content.Context;
import android.content.Intent;

/** The virtual device's PendingIntent: an intent to start later on the creator's behalf. */
public final class PendingIntent {
    public static final int FLAG_IMMUTABLE = 0x04000000;
    public static final int FLAG_UPDATE_CURRENT = 0x08000000;
    private static final int ACTIVITY = 1, SERVICE = 2, BROADCAST = 3, FOREGROUND_SERVICE = 4;
    private final Context mContext;
    private final Intent mIntent;
    private final int mType;

    private PendingIntent(Context context, Intent intent, int type) {
        mContext = context;
        mIntent = new Intent(intent);
        mType = type;
    }
    public static PendingIntent getActivity(Context context, int requestCode, Intent intent, int flags) {
        return new PendingIntent(context, intent, ACTIVITY);
    }
    public static PendingIntent getService(Context context, int requestCode, Intent intent, int flags) {
        return new PendingIntent(context, intent, SERVICE);
    }
    public static PendingIntent getForegroundService(Context context, int requestCode, Intent intent, int flags) {
        return new PendingIntent(context, intent, FOREGROUND_SERVICE);
    }
    public static PendingIntent getBroadcast(Context context, int requestCode, Intent intent, int flags) {
        return new PendingIntent(context, intent, BROADCAST);
    }
    public android.content.IntentSender getIntentSender() { return new android.content.IntentSender(mIntent); }
    public String getCreatorPackage() { return mContext.getPackageName(); }
    /** Hidden on Android (a test API); the virtual device keeps it for its own components. */
    public Intent getIntent() { return mIntent; }

    public void send() { dispatch(mIntent); }

    /** An alarm going off: the intent carries EXTRA_ALARM_COUNT, as Android's AlarmManager sets it. */
    void sendAlarm() { dispatch(new Intent(mIntent).putExtra(Intent.EXTRA_ALARM_COUNT, 1)); }

    private void dispatch(Intent intent) {
        switch (mType) {
            case ACTIVITY: mContext.startActivity(intent); break;
            case SERVICE: mContext.startService(intent); break;
            case FOREGROUND_SERVICE: mContext.startForegroundService(intent); break;
            default: mContext.sendBroadcast(intent); break;
        }
    }
}
