package android.telephony;

import android.app.ActivityThread;
import android.app.PendingIntent;
import java.util.ArrayList;

/** Sends SMS; SEND_SMS. The virtual device records the message in its log instead of sending it. */
public final class SmsManager {
    private static final SmsManager DEFAULT = new SmsManager();

    private SmsManager() {}

    @Deprecated
    public static SmsManager getDefault() { return DEFAULT; }

    public void sendTextMessage(String destinationAddress, String scAddress, String text,
                                PendingIntent sentIntent, PendingIntent deliveryIntent) {
        if (destinationAddress == null || destinationAddress.isEmpty()) throw new IllegalArgumentException("Invalid destinationAddress");
        ActivityThread.enforce("android.permission.SEND_SMS", "sendTextMessage");
        ActivityThread.note("sms_sent", "to", destinationAddress, "chars", text == null ? 0 : text.length());
    }

    public ArrayList<String> divideMessage(String text) {
        ArrayList<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 160) parts.add(text.substring(i, Math.min(text.length(), i + 160)));
        return parts;
    }

    public void sendMultipartTextMessage(String destinationAddress, String scAddress, ArrayList<String> parts,
                                         ArrayList<PendingIntent> sentIntents, ArrayList<PendingIntent> deliveryIntents) {
        sendTextMessage(destinationAddress, scAddress, String.join("", parts), null, null);
    }

    public void sendDataMessage(String destinationAddress, String scAddress, short destinationPort, byte[] data,
                                PendingIntent sentIntent, PendingIntent deliveryIntent) {
        ActivityThread.enforce("android.permission.SEND_SMS", "sendDataMessage");
        ActivityThread.note("sms_sent", "to", destinationAddress, "bytes", data == null ? 0 : data.length);
    }
}
