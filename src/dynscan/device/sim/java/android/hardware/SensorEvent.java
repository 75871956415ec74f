package android.hardware;

/** One sensor reading. */
public class SensorEvent {
    public final float[] values;
    public Sensor sensor;
    public int accuracy = SensorManager.SENSOR_STATUS_ACCURACY_HIGH;
    public long timestamp;

    SensorEvent(int valueSize) { values = new float[valueSize]; }
}
