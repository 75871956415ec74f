package android.content;

/** Receives broadcast Intents. */
public abstract class BroadcastReceiver {
    public abstract void onReceive(Context context, Intent intent);
}
