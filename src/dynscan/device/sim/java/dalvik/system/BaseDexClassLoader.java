package dalvik.system;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;

/**
 * Base class of the dex class loaders. On the virtual device a "dex" path is a jar of JVM classes
 * (what `dynscan sim build` makes), held in a {@link DexPathList} as on Android; classes are found in the
 * parent first, then there. As on Android, this loader itself defines the classes it finds (their
 * getClassLoader() is this loader), so a tool that looks for an app's classes must ask this loader, not
 * the framework's.
 */
public class BaseDexClassLoader extends ClassLoader {
    private final DexPathList pathList;

    public BaseDexClassLoader(String dexPath, File optimizedDirectory, String librarySearchPath, ClassLoader parent) {
        super(parent);
        this.pathList = new DexPathList(this, dexPath, librarySearchPath, optimizedDirectory);
    }

    /**
     * Hidden on Android (API 24+, used by the framework for shared libraries, by hot-fix and plug-in
     * frameworks through reflection): appends dex files to this loader, whose classes are then found here.
     */
    public void addDexPath(String dexPath) { addDexPath(dexPath, false); }

    /** Android 10+: the same, saying whether the code is trusted (ignored here). */
    public void addDexPath(String dexPath, boolean isTrusted) { pathList.addDexPath(dexPath, null); }

    /**
     * As ART's ClassLoader.loadClass (its findLoadedClass takes descriptors), an array type name such as
     * "[Ljava/lang/String;" resolves here too; HotSpot's loadClass alone would not find it.
     */
    @Override protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("[")) return Class.forName(name.replace('/', '.'), false, this);
        return super.loadClass(name, resolve);
    }

    @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
        URL url = pathList.findResource(name.replace('.', '/') + ".class");
        if (url == null) throw new ClassNotFoundException("Didn't find class \"" + name + "\" on path: " + pathList);
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override protected URL findResource(String name) { return pathList.findResource(name); }

    @Override protected Enumeration<URL> findResources(String name) throws IOException {
        return pathList.findResources(name);
    }

    @Override public String toString() { return getClass().getName() + "[" + pathList + "]"; }
}
