package android.media;

import android.app.ActivityThread;

/** Records audio from the microphone; needs RECORD_AUDIO. */
public class AudioRecord {
    public static final int STATE_INITIALIZED = 1;
    public static final int RECORDSTATE_STOPPED = 1;
    public static final int RECORDSTATE_RECORDING = 3;
    private int recording = RECORDSTATE_STOPPED;

    public AudioRecord(int audioSource, int sampleRateInHz, int channelConfig, int audioFormat, int bufferSizeInBytes) {
        ActivityThread.enforce("android.permission.RECORD_AUDIO", "AudioRecord");
    }

    public static int getMinBufferSize(int sampleRateInHz, int channelConfig, int audioFormat) { return 3584; }

    public int getState() { return STATE_INITIALIZED; }

    public void startRecording() { recording = RECORDSTATE_RECORDING; }

    public int getRecordingState() { return recording; }

    public int read(byte[] audioData, int offsetInBytes, int sizeInBytes) {
        java.util.Arrays.fill(audioData, offsetInBytes, offsetInBytes + sizeInBytes, (byte) 0);
        return sizeInBytes;
    }

    public void stop() { recording = RECORDSTATE_STOPPED; }

    public void release() {}
}
