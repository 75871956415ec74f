package dalvik.system;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Base class of the dex class loaders. On the virtual device a "dex" path is a jar of JVM classes
 * (what `dynscan sim build` makes); classes are found there first, then in the parent.
 */
public class BaseDexClassLoader extends ClassLoader {
    private final URLClassLoader inner;
    private final String path;

    public BaseDexClassLoader(String dexPath, File optimizedDirectory, String librarySearchPath, ClassLoader parent) {
        super(parent);
        this.path = dexPath;
        this.inner = new URLClassLoader(urls(dexPath), parent);
    }

    private static URL[] urls(String dexPath) {
        if (dexPath == null || dexPath.isEmpty()) return new URL[0];
        String[] parts = dexPath.split(File.pathSeparator);
        URL[] out = new URL[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) out[i] = new File(parts[i]).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(dexPath, e);
        }
        return out;
    }

    @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
        return inner.loadClass(name);
    }

    @Override public String toString() { return getClass().getName() + "[DexPathList[[zip file \"" + path + "\"]]]"; }
}
