package android.view;

/** A window's look and placement (the virtual device draws every dialog the same way; these only record). */
public class Window {
    public static final int FEATURE_NO_TITLE = 1;
    private int mGravity;

    public Window() {}

    public boolean requestFeature(int featureId) { return true; }

    public void setGravity(int gravity) { mGravity = gravity; }

    public void setLayout(int width, int height) {}

    public void setBackgroundDrawableResource(int resId) {}

    public void setDimAmount(float amount) {}

    public void addFlags(int flags) {}

    public void clearFlags(int flags) {}

    public void setWindowAnimations(int resId) {}

    public void setSoftInputMode(int mode) {}
}
