package dalvik.system;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * As AOSP's DexPathList: the dex files (here jars of JVM classes) of one BaseDexClassLoader, in
 * {@code dexElements}. Packers and MultiDex before API 21 add code to a loader that exists by building
 * elements with {@code makePathElements} / {@code makeDexElements} and writing {@code dexElements} by
 * reflection; the names and shapes here are AOSP's so that the same code runs on the virtual device.
 */
final class DexPathList {
    private final ClassLoader definingContext;
    private volatile Element[] dexElements;

    DexPathList(ClassLoader definingContext, String dexPath, String librarySearchPath, File optimizedDirectory) {
        this.definingContext = definingContext;
        this.dexElements = makePathElements(splitDexPath(dexPath), optimizedDirectory, new ArrayList<>());
    }

    /** One dex file of the path. */
    static final class Element {
        private final File path;
        /** Reads the jar's entries only; it defines nothing (its parent is null: no delegation). */
        private final URLClassLoader files;

        Element(File path) {
            this.path = path;
            try {
                this.files = new URLClassLoader(new URL[] {path.toURI().toURL()}, null);
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(path.toString(), e);
            }
        }

        URL findResource(String name) { return files.findResource(name); }

        @Override public String toString() { return "zip file \"" + path + "\""; }
    }

    private static List<File> splitDexPath(String path) {
        List<File> out = new ArrayList<>();
        if (path == null || path.isEmpty()) return out;
        for (String p : path.split(File.pathSeparator)) if (!p.isEmpty()) out.add(new File(p));
        return out;
    }

    /** AOSP (API 23+, what MultiDex and packers call by reflection): elements for these files. */
    private static Element[] makePathElements(List<File> files, File optimizedDirectory,
                                              List<IOException> suppressedExceptions) {
        List<Element> out = new ArrayList<>();
        for (File f : files) out.add(new Element(f));
        return out.toArray(new Element[0]);
    }

    /** AOSP (API 26+). */
    private static Element[] makeDexElements(List<File> files, File optimizedDirectory,
                                             List<IOException> suppressedExceptions, ClassLoader loader) {
        return makePathElements(files, optimizedDirectory, suppressedExceptions);
    }

    /** BaseDexClassLoader.addDexPath: append the path's dex files. */
    synchronized void addDexPath(String dexPath, File optimizedDirectory) {
        Element[] extra = makePathElements(splitDexPath(dexPath), optimizedDirectory, new ArrayList<>());
        Element[] old = dexElements;
        Element[] both = Arrays.copyOf(old, old.length + extra.length);
        System.arraycopy(extra, 0, both, old.length, extra.length);
        dexElements = both;
    }

    URL findResource(String name) {
        for (Element e : dexElements) {
            URL u = e.findResource(name);
            if (u != null) return u;
        }
        return null;
    }

    Enumeration<URL> findResources(String name) {
        List<URL> out = new ArrayList<>();
        for (Element e : dexElements) {
            URL u = e.findResource(name);
            if (u != null) out.add(u);
        }
        return Collections.enumeration(out);
    }

    @Override public String toString() { return "DexPathList[" + Arrays.toString(dexElements) + "]"; }
}
