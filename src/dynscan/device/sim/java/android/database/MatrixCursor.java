package android.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A Cursor over rows held in memory. */
public class MatrixCursor implements Cursor {
    private final String[] columns;
    private final List<Object[]> rows = new ArrayList<>();
    private int pos = -1;
    private boolean closed;

    public MatrixCursor(String[] columnNames) { columns = columnNames.clone(); }

    public void addRow(Object[] columnValues) {
        if (columnValues.length != columns.length) throw new IllegalArgumentException("columnNames.length != columnValues.length");
        rows.add(columnValues.clone());
    }

    @Override public int getCount() { return rows.size(); }
    @Override public int getPosition() { return pos; }
    @Override public boolean move(int offset) { return moveToPosition(pos + offset); }

    @Override public boolean moveToPosition(int position) {
        if (position >= rows.size()) { pos = rows.size(); return false; }
        if (position < 0) { pos = -1; return false; }
        pos = position;
        return true;
    }

    @Override public boolean moveToFirst() { return moveToPosition(0); }
    @Override public boolean moveToLast() { return moveToPosition(rows.size() - 1); }
    @Override public boolean moveToNext() { return moveToPosition(pos + 1); }
    @Override public boolean moveToPrevious() { return moveToPosition(pos - 1); }
    @Override public boolean isAfterLast() { return rows.isEmpty() || pos >= rows.size(); }
    @Override public boolean isBeforeFirst() { return rows.isEmpty() || pos < 0; }
    @Override public int getColumnIndex(String columnName) { return Arrays.asList(columns).indexOf(columnName); }

    @Override public int getColumnIndexOrThrow(String columnName) {
        int i = getColumnIndex(columnName);
        if (i < 0) throw new IllegalArgumentException("column '" + columnName + "' does not exist");
        return i;
    }

    @Override public String getColumnName(int columnIndex) { return columns[columnIndex]; }
    @Override public String[] getColumnNames() { return columns.clone(); }
    @Override public int getColumnCount() { return columns.length; }

    private Object get(int column) {
        if (closed) throw new IllegalStateException("cursor is closed");
        if (pos < 0 || pos >= rows.size()) throw new IllegalStateException("Index " + pos + " requested, with a size of " + rows.size());
        return rows.get(pos)[column];
    }

    @Override public String getString(int columnIndex) {
        Object v = get(columnIndex);
        return v == null ? null : v.toString();
    }

    @Override public int getInt(int columnIndex) { return (int) getLong(columnIndex); }

    @Override public long getLong(int columnIndex) {
        Object v = get(columnIndex);
        return v == null ? 0 : v instanceof Number ? ((Number) v).longValue() : Long.parseLong(v.toString());
    }

    @Override public double getDouble(int columnIndex) {
        Object v = get(columnIndex);
        return v == null ? 0 : v instanceof Number ? ((Number) v).doubleValue() : Double.parseDouble(v.toString());
    }

    @Override public boolean isNull(int columnIndex) { return get(columnIndex) == null; }

    @Override public int getType(int columnIndex) {
        Object o = get(columnIndex);
        if (o == null) return FIELD_TYPE_NULL;
        if (o instanceof byte[]) return FIELD_TYPE_BLOB;
        if (o instanceof Float || o instanceof Double) return FIELD_TYPE_FLOAT;
        if (o instanceof Number) return FIELD_TYPE_INTEGER;
        return FIELD_TYPE_STRING;
    }
    @Override public void close() { closed = true; }
    @Override public boolean isClosed() { return closed; }
}
