package android.media;

import android.app.ActivityThread;

/** Records audio/video; choosing the microphone as source needs RECORD_AUDIO. */
public class MediaRecorder {
    /** Audio sources. */
    public static final class AudioSource {
        public static final int DEFAULT = 0;
        public static final int MIC = 1;

        private AudioSource() {}
    }

    public MediaRecorder() {}

    public void setAudioSource(int audioSource) {
        ActivityThread.enforce("android.permission.RECORD_AUDIO", "setAudioSource");
    }

    public void prepare() {}

    public void start() {}

    public void stop() {}

    public void release() {}
}
