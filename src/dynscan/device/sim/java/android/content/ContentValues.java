package android.content;

import java.util.LinkedHashMap;
import java.util.Map;

/** A set of column values for an insert or update. */
public final class ContentValues {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public ContentValues() {}

    public void put(String key, String value) { values.put(key, value); }
    public void put(String key, Integer value) { values.put(key, value); }
    public void put(String key, Long value) { values.put(key, value); }
    public Object get(String key) { return values.get(key); }
    public int size() { return values.size(); }

    @Override public String toString() { return values.toString(); }
}
