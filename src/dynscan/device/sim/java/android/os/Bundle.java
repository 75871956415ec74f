package android.os;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A map of values passed between components. */
public final class Bundle {
    private final Map<String, Object> map = new LinkedHashMap<>();

    public Bundle() {}

    public Bundle(Bundle other) { map.putAll(other.map); }

    public int size() { return map.size(); }

    public boolean isEmpty() { return map.isEmpty(); }

    public boolean containsKey(String key) { return map.containsKey(key); }

    public Set<String> keySet() { return map.keySet(); }

    public void remove(String key) { map.remove(key); }

    public void clear() { map.clear(); }

    public Object get(String key) { return map.get(key); }

    public void putAll(Bundle b) { map.putAll(b.map); }

    public void putString(String key, String value) { map.put(key, value); }

    public void putInt(String key, int value) { map.put(key, value); }

    public void putLong(String key, long value) { map.put(key, value); }

    public void putBoolean(String key, boolean value) { map.put(key, value); }

    public void putDouble(String key, double value) { map.put(key, value); }

    public String getString(String key) {
        Object v = map.get(key);
        return v instanceof String ? (String) v : null;
    }

    public String getString(String key, String defaultValue) {
        String v = getString(key);
        return v == null ? defaultValue : v;
    }

    public int getInt(String key) { return getInt(key, 0); }

    public int getInt(String key, int d) {
        Object v = map.get(key);
        return v instanceof Integer ? (Integer) v : d;
    }

    public long getLong(String key) { return getLong(key, 0L); }

    public long getLong(String key, long d) {
        Object v = map.get(key);
        return v instanceof Long ? (Long) v : d;
    }

    public boolean getBoolean(String key) { return getBoolean(key, false); }

    public boolean getBoolean(String key, boolean d) {
        Object v = map.get(key);
        return v instanceof Boolean ? (Boolean) v : d;
    }

    public double getDouble(String key) {
        Object v = map.get(key);
        return v instanceof Double ? (Double) v : 0.0;
    }

    @Override public String toString() { return "Bundle[" + map + "]"; }
}
