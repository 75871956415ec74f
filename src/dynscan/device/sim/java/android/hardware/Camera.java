package android.hardware;

import android.app.ActivityThread;

/** The legacy camera API: opening a camera needs the CAMERA permission. */
@Deprecated
public class Camera {
    private final int id;

    private Camera(int id) { this.id = id; }

    public static int getNumberOfCameras() { return 2; }

    public static Camera open(int cameraId) {
        ActivityThread.enforce("android.permission.CAMERA", "Camera.open");
        if (cameraId < 0 || cameraId >= 2) throw new RuntimeException("Fail to connect to camera service");
        ActivityThread.note("camera_open", "camera", cameraId);
        return new Camera(cameraId);
    }

    public static Camera open() { return open(0); }

    /** Called when the image is captured. */
    public interface ShutterCallback {
        void onShutter();
    }

    /** Receives the picture data. */
    public interface PictureCallback {
        void onPictureTaken(byte[] data, Camera camera);
    }

    public final void takePicture(ShutterCallback shutter, PictureCallback raw, PictureCallback jpeg) {
        takePicture(shutter, raw, null, jpeg);
    }

    public final void takePicture(ShutterCallback shutter, PictureCallback raw, PictureCallback postview, PictureCallback jpeg) {
        ActivityThread.note("camera_picture", "camera", id);
        if (shutter != null) shutter.onShutter();
        if (jpeg != null) jpeg.onPictureTaken(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9}, this);
    }

    public final void release() {}

    public final void startPreview() {}

    public final void stopPreview() {}
}
