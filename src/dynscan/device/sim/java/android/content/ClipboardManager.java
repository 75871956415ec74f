package android.content;

import dynscan.sim.Sim;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The device-wide clipboard (shared by every app on the device). */
public class ClipboardManager {
    public interface OnPrimaryClipChangedListener {
        void onPrimaryClipChanged();
    }

    public ClipboardManager() {}

    private static File file() { return new File(Sim.deviceDir, "clipboard.txt"); }

    public ClipData getPrimaryClip() {
        String text = Sim.readFile(file());
        android.app.ActivityThread.note("clipboard_read", "method", "getPrimaryClip");
        return text == null ? null : ClipData.newPlainText("text", text);
    }

    public boolean hasPrimaryClip() { return file().exists(); }

    public ClipDescription getPrimaryClipDescription() {
        return file().exists() ? new ClipDescription("text", new String[] {ClipDescription.MIMETYPE_TEXT_PLAIN}) : null;
    }

    public void setPrimaryClip(ClipData clip) {
        CharSequence t = clip.getItemCount() > 0 ? clip.getItemAt(0).getText() : "";
        try {
            Files.write(file().toPath(), String.valueOf(t).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    public void clearPrimaryClip() { file().delete(); }

    @Deprecated
    public CharSequence getText() {
        ClipData c = getPrimaryClip();
        return c == null ? null : c.getItemAt(0).getText();
    }

    @Deprecated
    public void setText(CharSequence text) { setPrimaryClip(ClipData.newPlainText("text", text)); }

    @Deprecated
    public boolean hasText() { return hasPrimaryClip(); }

    public void addPrimaryClipChangedListener(OnPrimaryClipChangedListener what) {}

    public void removePrimaryClipChangedListener(OnPrimaryClipChangedListener what) {}
}
