package io.dynscan.loaders;

import android.app.Application;
import android.content.Context;
import android.util.Log;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A packer's shell, as MultiDex and 加固 shells do it: in attachBaseContext it splices a jar into its own
 * class loader by writing BaseDexClassLoader.pathList.dexElements (AOSP's names), then runs code from it.
 */
public class App extends Application {
    @Override
    protected void attachBaseContext(Context base) {
        super.attachBaseContext(base);
        try {
            File jar = extract(base, "packed.jar");
            ClassLoader loader = base.getClassLoader();
            Object pathList = field(loader.getClass(), "pathList").get(loader);
            Method make = pathList.getClass().getDeclaredMethod("makePathElements", List.class, File.class, List.class);
            make.setAccessible(true);
            List<File> files = new ArrayList<>();
            files.add(jar);
            Object[] extra = (Object[]) make.invoke(pathList, files, base.getCodeCacheDir(), new ArrayList<IOException>());
            Field elements = field(pathList.getClass(), "dexElements");
            Object[] old = (Object[]) elements.get(pathList);
            Object[] both = (Object[]) Array.newInstance(old.getClass().getComponentType(), old.length + extra.length);
            System.arraycopy(old, 0, both, 0, old.length);
            System.arraycopy(extra, 0, both, old.length, extra.length);
            elements.set(pathList, both);
        } catch (Exception e) {
            Log.e("loaders", "packing failed: " + e);
        }
    }

    @Override
    public void onCreate() {
        super.onCreate();
        try {
            Object r = getClassLoader().loadClass("io.dynscan.packed.Real").getMethod("collect", String.class)
                    .invoke(null, "start");
            Log.i("loaders", String.valueOf(r));
        } catch (Exception e) {
            Log.e("loaders", "packed code failed: " + e);
        }
    }

    private static Field field(Class<?> cls, String name) throws NoSuchFieldException {
        for (Class<?> c = cls; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // in a superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static File extract(Context base, String name) throws IOException {
        File out = new File(base.getCodeCacheDir(), name);
        try (InputStream in = base.getAssets().open(name); OutputStream os = new FileOutputStream(out)) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) os.write(buf, 0, n);
        }
        out.setReadOnly();
        return out;
    }
}
