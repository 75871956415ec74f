package android.text.style;

import android.text.TextPaint;
import android.view.View;

/** A link inside text (a TextView with LinkMovementMethod calls onClick when it is tapped on Android). */
public abstract class ClickableSpan extends CharacterStyle {
    public abstract void onClick(View widget);

    @Override public void updateDrawState(TextPaint ds) {
        ds.setColor(ds.linkColor);
        ds.setUnderlineText(true);
    }
}
