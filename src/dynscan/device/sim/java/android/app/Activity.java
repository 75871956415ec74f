package android.app;

import android.content.ComponentName;
import android.content.Context;
import android.content.ContextWrapper;
import android.content.Intent;
import android.os.Bundle;
import android.util.SuperNotCalledException;
import android.view.View;
import dynscan.sim.Permissions;
import dynscan.sim.Sim;

/** One screen of the app. */
public class Activity extends ContextWrapper {
    public static final int RESULT_OK = -1;
    public static final int RESULT_CANCELED = 0;

    private Application mApplication;
    private Intent mIntent;
    private ComponentName mComponent;
    private CharSequence mTitle;
    View mContentView;
    boolean mFinished;
    int mState;
    /** Set by every lifecycle callback of this class: an override that skips super leaves it false. */
    boolean mCalled;

    public Activity() { super(null); }

    final void attach(Context base, Application app, Intent intent, ComponentName component) {
        attachBaseContext(base);
        mApplication = app;
        mIntent = intent;
        mComponent = component;
    }

    protected void onCreate(Bundle savedInstanceState) { mCalled = true; }
    protected void onStart() { mCalled = true; }
    protected void onRestart() { mCalled = true; }
    protected void onResume() { mCalled = true; }
    protected void onPause() { mCalled = true; }
    protected void onStop() { mCalled = true; }
    protected void onDestroy() { mCalled = true; }
    protected void onNewIntent(Intent intent) {}
    protected void onSaveInstanceState(Bundle outState) {}
    protected void onActivityResult(int requestCode, int resultCode, Intent data) {}

    // ---------------------------------------------------------------- the framework's entry points
    // As on Android, the runtime (ActivityThread) never calls the on* callbacks itself: it calls these,
    // which run the callback and throw SuperNotCalledException when an override did not call super
    // (an uncaught exception on the main thread: the app crashes).

    private void calling(String callback) {
        Sim.log("lifecycle", "component", getClass().getName(), "callback", callback);
        mCalled = false;
    }

    private String notCalled(String callback) {
        return "Activity " + mComponent.toShortString() + " did not call through to super." + callback + "()";
    }

    final void performCreate(Bundle icicle) {
        calling("onCreate");
        onCreate(icicle);
        if (!mCalled) throw new SuperNotCalledException(notCalled("onCreate"));
    }

    final void performStart(String reason) {
        calling("onStart");
        onStart();
        if (!mCalled) throw new SuperNotCalledException(notCalled("onStart"));
    }

    /** onRestart, then with {@code start} onStart. */
    final void performRestart(boolean start, String reason) {
        calling("onRestart");
        onRestart();
        if (!mCalled) throw new SuperNotCalledException(notCalled("onRestart"));
        if (start) performStart(reason);
    }

    final void performResume(boolean followedByPause, String reason) {
        calling("onResume");
        onResume();
        if (!mCalled) throw new SuperNotCalledException(notCalled("onResume"));
    }

    final void performPause() {
        calling("onPause");
        onPause();
        if (!mCalled) throw new SuperNotCalledException(notCalled("onPause"));
    }

    final void performStop(boolean preserveWindow, String reason) {
        calling("onStop");
        onStop();
        if (!mCalled) throw new SuperNotCalledException(notCalled("onStop"));
    }

    final void performDestroy() {
        calling("onDestroy");
        onDestroy();
        if (!mCalled) throw new SuperNotCalledException(notCalled("onDestroy"));
    }

    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {}

    public void onBackPressed() { finish(); }

    public final Application getApplication() { return mApplication; }

    public Intent getIntent() { return mIntent; }

    public void setIntent(Intent intent) { mIntent = intent; }

    public ComponentName getComponentName() { return mComponent; }

    public String getLocalClassName() {
        String pkg = getPackageName();
        String cls = mComponent.getClassName();
        return cls.startsWith(pkg + ".") ? cls.substring(pkg.length() + 1) : cls;
    }

    public void setContentView(View view) { mContentView = view; }

    private final android.view.Window mWindow = new android.view.Window();

    public android.view.Window getWindow() { return mWindow; }

    public final boolean requestWindowFeature(int featureId) { return mWindow.requestFeature(featureId); }

    public void setContentView(int layoutResID) {
        throw new UnsupportedOperationException("layout resources are not supported on the virtual device: build views in code");
    }

    @SuppressWarnings("unchecked")
    public <T extends View> T findViewById(int id) { return mContentView == null ? null : (T) mContentView.findViewById(id); }

    public void setTitle(CharSequence title) { mTitle = title; }

    public CharSequence getTitle() { return mTitle; }

    public void finish() {
        if (mFinished) return;
        mFinished = true;
        ActivityThread.finishActivity(this);
    }

    public boolean isFinishing() { return mFinished; }

    public boolean isDestroyed() { return mState == ActivityThread.DESTROYED; }

    public final void requestPermissions(String[] permissions, int requestCode) {
        if (requestCode < 0) throw new IllegalArgumentException("requestCode should be >= 0");
        ActivityThread.requestPermissions(this, permissions, requestCode);
    }

    public boolean shouldShowRequestPermissionRationale(String permission) {
        String g = Permissions.groupOf(permission);
        return g != null && !Permissions.isGranted(permission) && Permissions.denials(g) == 1;
    }

    public final void runOnUiThread(Runnable action) { ActivityThread.runOnMain(action); }

    public void startActivityForResult(Intent intent, int requestCode) { startActivity(intent); }

    public void setResult(int resultCode) {}

    public void setResult(int resultCode, Intent data) {}

    public void moveTaskToBack(boolean nonRoot) {}
}
