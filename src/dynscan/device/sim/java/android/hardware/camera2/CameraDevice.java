package android.hardware.camera2;

/** An open camera. */
public abstract class CameraDevice implements AutoCloseable {
    /** Receives the camera's state. */
    public abstract static class StateCallback {
        public abstract void onOpened(CameraDevice camera);
        public abstract void onDisconnected(CameraDevice camera);
        public abstract void onError(CameraDevice camera, int error);
    }

    public abstract String getId();

    @Override public abstract void close();
}
