package android.app;

import android.content.ContextWrapper;
import android.content.Intent;
import android.os.IBinder;

/** A component that runs without a screen; on the virtual device it runs on the app's main thread. */
public abstract class Service extends ContextWrapper {
    public static final int START_NOT_STICKY = 2;
    public static final int START_STICKY = 1;
    private Application mApplication;

    public Service() { super(null); }

    final void attach(android.content.Context base, Application app) {
        attachBaseContext(base);
        mApplication = app;
    }

    public final Application getApplication() { return mApplication; }

    public void onCreate() {}

    public int onStartCommand(Intent intent, int flags, int startId) { return START_STICKY; }

    public abstract IBinder onBind(Intent intent);

    public void onDestroy() {}

    public final void stopSelf() { ActivityThread.stopService(getClass().getName()); }
}
