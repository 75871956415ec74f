package android.widget;

import android.content.Context;
import android.view.View;

/** Shows an image (an icon): on screen it has no text, only its ID and content description. */
public class ImageView extends View {
    private int mResource;

    public ImageView(Context context) { super(context); }

    public void setImageResource(int resId) { mResource = resId; }

    public void setImageAlpha(int alpha) {}

    public void setColorFilter(int color) {}

    @Override protected int simIntrinsicWidth() { return 132; }

    @Override public int simMeasure(int width) { return 132; }
}
