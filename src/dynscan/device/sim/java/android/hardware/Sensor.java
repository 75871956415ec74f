package android.hardware;

/** A sensor of the device. */
public final class Sensor {
    public static final int TYPE_ALL = -1;
    public static final int TYPE_ACCELEROMETER = 1;
    public static final int TYPE_MAGNETIC_FIELD = 2;
    public static final int TYPE_GYROSCOPE = 4;
    public static final int TYPE_LIGHT = 5;
    public static final int TYPE_PROXIMITY = 8;
    public static final int TYPE_GRAVITY = 9;
    public static final int TYPE_LINEAR_ACCELERATION = 10;
    public static final String STRING_TYPE_ACCELEROMETER = "android.sensor.accelerometer";
    public static final String STRING_TYPE_GYROSCOPE = "android.sensor.gyroscope";

    private final int mType;

    Sensor(int type) { mType = type; }

    public int getType() { return mType; }

    public String getStringType() { return mType == TYPE_GYROSCOPE ? STRING_TYPE_GYROSCOPE : STRING_TYPE_ACCELEROMETER; }

    public String getName() { return mType == TYPE_GYROSCOPE ? "BMI160 Gyroscope" : "BMI160 Accelerometer"; }

    public String getVendor() { return "Bosch"; }

    public float getMaximumRange() { return mType == TYPE_GYROSCOPE ? 34.9f : 78.4f; }

    public int getMinDelay() { return 5000; }

    @Override public String toString() { return "{Sensor name=\"" + getName() + "\", type=" + mType + "}"; }
}
