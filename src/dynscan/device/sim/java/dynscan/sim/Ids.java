package dynscan.sim;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * Resource names of view IDs, as {@code uiautomator dump} shows them ({@code com.example:id/agree},
 * {@code android:id/button1}): read from the app's own {@code <package>.R$id} class (the one Android
 * Studio generates; a virtual-device app writes it by hand) and from {@code android.R$id}. An ID with no
 * resource name (from {@code View.generateViewId()} or a literal) shows as an empty resource-id, as on Android.
 */
public final class Ids {
    private Ids() {}

    private static Map<Integer, String> names;

    public static synchronized String name(int id) {
        if (names == null) {
            names = new HashMap<>();
            collect("android", "android.R$id");
            if (Sim.packageName != null) collect(Sim.packageName, Sim.packageName + ".R$id");
        }
        String n = names.get(id);
        return n == null ? "" : n;
    }

    private static void collect(String pkg, String cls) {
        Class<?> c;
        try {
            c = Class.forName(cls, false, Sim.appLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        for (Field f : c.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() != int.class || !Modifier.isStatic(m)) continue;
            try {
                f.setAccessible(true);
                names.putIfAbsent(f.getInt(null), pkg + ":id/" + f.getName());
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a field that cannot be read has no name on screen
            }
        }
    }
}
