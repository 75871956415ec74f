package dalvik.system;

import java.nio.ByteBuffer;

/** Loads classes from dex bytes in memory (code that never exists as a file). */
public final class InMemoryDexClassLoader extends BaseDexClassLoader {
    public InMemoryDexClassLoader(ByteBuffer dexBuffer, ClassLoader parent) {
        super("", null, null, parent);
    }
}
