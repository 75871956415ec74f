package android.text.style;

import android.text.TextPaint;

/** A span that changes how characters look. */
public abstract class CharacterStyle {
    public abstract void updateDrawState(TextPaint tp);
}
