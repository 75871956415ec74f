package dalvik.system;

import java.io.File;
import java.io.IOException;

/** A dex file opened directly (deprecated API used by packers and plug-in frameworks). */
@Deprecated
public final class DexFile {
    private final String fileName;

    public DexFile(String fileName) throws IOException {
        if (!new File(fileName).exists()) throw new IOException("No such file: " + fileName);
        this.fileName = fileName;
    }

    public DexFile(File file) throws IOException { this(file.getPath()); }

    public static DexFile loadDex(String sourcePathName, String outputPathName, int flags) throws IOException {
        return new DexFile(sourcePathName);
    }

    public String getName() { return fileName; }

    public void close() {}
}
