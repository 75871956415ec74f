package android.view;

/** The parent of a view. */
public interface ViewParent {
    ViewParent getParent();
}
