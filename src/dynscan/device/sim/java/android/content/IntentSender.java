package android.content;

/** A token to send an Intent back later (a PendingIntent's sender); opaque on the virtual device. */
public class IntentSender {
    private final Intent mIntent;

    public IntentSender(Intent intent) { mIntent = intent; }
}
