package android.hardware.camera2;

import android.app.ActivityThread;
import android.os.Handler;

/** The camera2 entry point (Context.CAMERA_SERVICE): opening a camera needs CAMERA. */
public final class CameraManager {
    public CameraManager() {}

    public String[] getCameraIdList() { return new String[] {"0", "1"}; }

    public void openCamera(String cameraId, CameraDevice.StateCallback callback, Handler handler) {
        ActivityThread.enforce("android.permission.CAMERA", "openCamera");
        if (!"0".equals(cameraId) && !"1".equals(cameraId)) throw new IllegalArgumentException("no camera " + cameraId);
        ActivityThread.note("camera_open", "camera", cameraId);
        callback.onOpened(new CameraDevice() {
            @Override public String getId() { return cameraId; }

            @Override public void close() {}
        });
    }
}
