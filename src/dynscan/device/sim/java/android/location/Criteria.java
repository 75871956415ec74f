package android.location;

/** What an app asks of a location provider. */
public class Criteria {
    public static final int ACCURACY_FINE = 1;
    public static final int ACCURACY_COARSE = 2;
    private int accuracy;

    public Criteria() {}

    public void setAccuracy(int accuracy) { this.accuracy = accuracy; }
    public int getAccuracy() { return accuracy; }
}
