package android.widget;

import android.content.Context;

/** A button showing an image instead of text (clickable and focusable from the start). */
public class ImageButton extends ImageView {
    public ImageButton(Context context) {
        super(context);
        setClickable(true);
        setFocusable(true);
    }
}
