package android.os;

import dynscan.sim.Sim;
import java.io.File;

/** Where shared storage lives. */
public class Environment {
    public static final String MEDIA_MOUNTED = "mounted";

    private Environment() {}

    @Deprecated
    public static File getExternalStorageDirectory() {
        File f = new File(Sim.deviceDir, "sdcard");
        f.mkdirs();
        return f;
    }

    public static String getExternalStorageState() { return MEDIA_MOUNTED; }
}
