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

    public final void release() {}

    public final void startPreview() {}

    public final void stopPreview() {}
}
