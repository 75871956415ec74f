package android.app;

import android.content.Context;
import android.content.ContextWrapper;

/** Base class for the app's global state; its onCreate runs before any activity. */
public class Application extends ContextWrapper {
    public Application() { super(null); }

    final void attach(Context context) { attachBaseContext(context); }

    public void onCreate() {}

    public void onTerminate() {}

    public void onLowMemory() {}
}
