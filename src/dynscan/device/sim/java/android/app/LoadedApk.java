package android.app;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.os.Bundle;

/** As AOSP's LoadedApk, only what delivers broadcasts to receivers registered at run time. */
public final class LoadedApk {
    private LoadedApk() {}

    /**
     * One registration of a receiver (Context.registerReceiver). AOSP's performReceive is called on a binder
     * thread for each broadcast that matches and posts onReceive to the main thread; the hook catalog's
     * registered-receiver hook reads the receiver and the intent here.
     */
    static final class ReceiverDispatcher {
        final BroadcastReceiver mReceiver;
        final Context mContext;

        ReceiverDispatcher(BroadcastReceiver receiver, Context context) {
            mReceiver = receiver;
            mContext = context;
        }

        public void performReceive(Intent intent, int resultCode, String data, Bundle extras, boolean ordered,
                                   boolean sticky, int sendingUser) {
            ActivityThread.sMain.post(() -> mReceiver.onReceive(mContext, intent));
        }
    }
}
