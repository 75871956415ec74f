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

    /** Video sources. */
    public static final class VideoSource {
        public static final int DEFAULT = 0;
        public static final int CAMERA = 1;
        public static final int SURFACE = 2;

        private VideoSource() {}
    }

    public MediaRecorder() {}

    public void setVideoSource(int videoSource) {
        ActivityThread.enforce("android.permission.CAMERA", "setVideoSource");
    }

    public void setAudioSource(int audioSource) {
        ActivityThread.enforce("android.permission.RECORD_AUDIO", "setAudioSource");
    }

    public void prepare() {}

    public void start() {}

    public void stop() {}

    public void release() {}
}
