package android.content.res;

import dynscan.sim.Sim;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/** The app's assets: on the virtual device, the {@code assets/} entries `dynscan sim build` put in its code jar. */
public final class AssetManager {
    private static AssetManager app;

    private AssetManager() {}

    public static synchronized AssetManager forApp() {
        if (app == null) app = new AssetManager();
        return app;
    }

    public InputStream open(String fileName) throws IOException {
        InputStream in = fileName.contains("..") ? null : Sim.appLoader().getResourceAsStream("assets/" + fileName);
        if (in == null) throw new FileNotFoundException(fileName);
        return in;
    }
}
