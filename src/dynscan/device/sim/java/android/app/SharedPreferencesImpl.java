package android.app;

import android.content.SharedPreferences;
import dynscan.sim.Sim;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** SharedPreferences stored as a typed properties file in the app's data directory. */
final class SharedPreferencesImpl implements SharedPreferences {
    private final File file;
    private final Map<String, Object> map = new HashMap<>();
    private final List<OnSharedPreferenceChangeListener> listeners = new ArrayList<>();

    SharedPreferencesImpl(File file) {
        this.file = file;
        Properties p = Sim.loadProps(file);
        for (String k : p.stringPropertyNames()) map.put(k, decode(p.getProperty(k)));
    }

    private static Object decode(String v) {
        String t = v.substring(2);
        switch (v.charAt(0)) {
            case 'i': return Integer.parseInt(t);
            case 'l': return Long.parseLong(t);
            case 'f': return Float.parseFloat(t);
            case 'b': return Boolean.parseBoolean(t);
            case 'S': {
                Set<String> s = new LinkedHashSet<>();
                for (String part : t.split("\u0001", -1)) if (!part.isEmpty()) s.add(part);
                return s;
            }
            default: return t;
        }
    }

    private static String encode(Object v) {
        if (v instanceof Integer) return "i:" + v;
        if (v instanceof Long) return "l:" + v;
        if (v instanceof Float) return "f:" + v;
        if (v instanceof Boolean) return "b:" + v;
        if (v instanceof Set) return "S:" + String.join("\u0001", (Set<String>) v);
        return "s:" + v;
    }

    @Override public synchronized Map<String, ?> getAll() { return new HashMap<>(map); }

    private synchronized Object get(String key) { return map.get(key); }

    @Override public String getString(String key, String d) {
        Object v = get(key);
        return v instanceof String ? (String) v : d;
    }

    @SuppressWarnings("unchecked")
    @Override public Set<String> getStringSet(String key, Set<String> d) {
        Object v = get(key);
        return v instanceof Set ? (Set<String>) v : d;
    }

    @Override public int getInt(String key, int d) {
        Object v = get(key);
        return v instanceof Integer ? (Integer) v : d;
    }

    @Override public long getLong(String key, long d) {
        Object v = get(key);
        return v instanceof Long ? (Long) v : d;
    }

    @Override public float getFloat(String key, float d) {
        Object v = get(key);
        return v instanceof Float ? (Float) v : d;
    }

    @Override public boolean getBoolean(String key, boolean d) {
        Object v = get(key);
        return v instanceof Boolean ? (Boolean) v : d;
    }

    @Override public synchronized boolean contains(String key) { return map.containsKey(key); }

    @Override public Editor edit() { return new EditorImpl(); }

    @Override public void registerOnSharedPreferenceChangeListener(OnSharedPreferenceChangeListener l) { listeners.add(l); }

    @Override public void unregisterOnSharedPreferenceChangeListener(OnSharedPreferenceChangeListener l) { listeners.remove(l); }

    private final class EditorImpl implements Editor {
        private final Map<String, Object> puts = new HashMap<>();
        private boolean clear;
        private static final Object REMOVE = new Object();

        private Editor put(String k, Object v) {
            puts.put(k, v == null ? REMOVE : v);
            return this;
        }

        @Override public Editor putString(String key, String value) { return put(key, value); }
        @Override public Editor putStringSet(String key, Set<String> values) {
            return put(key, values == null ? null : new LinkedHashSet<>(values));
        }
        @Override public Editor putInt(String key, int value) { return put(key, value); }
        @Override public Editor putLong(String key, long value) { return put(key, value); }
        @Override public Editor putFloat(String key, float value) { return put(key, value); }
        @Override public Editor putBoolean(String key, boolean value) { return put(key, value); }
        @Override public Editor remove(String key) { return put(key, null); }
        @Override public Editor clear() { clear = true; return this; }

        @Override public boolean commit() {
            List<String> changed = new ArrayList<>();
            synchronized (SharedPreferencesImpl.this) {
                if (clear) map.clear();
                for (Map.Entry<String, Object> e : puts.entrySet()) {
                    if (e.getValue() == REMOVE) map.remove(e.getKey());
                    else map.put(e.getKey(), e.getValue());
                    changed.add(e.getKey());
                }
                Properties p = new Properties();
                for (Map.Entry<String, Object> e : map.entrySet()) p.setProperty(e.getKey(), encode(e.getValue()));
                Sim.storeProps(file, p);
            }
            for (String k : changed) for (OnSharedPreferenceChangeListener l : listeners) l.onSharedPreferenceChanged(SharedPreferencesImpl.this, k);
            return true;
        }

        @Override public void apply() { commit(); }
    }
}
