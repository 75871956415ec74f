package android.database;

import java.io.Closeable;

/** Random read access to the rows of a query result. */
public interface Cursor extends Closeable {
    int FIELD_TYPE_NULL = 0;
    int FIELD_TYPE_INTEGER = 1;
    int FIELD_TYPE_FLOAT = 2;
    int FIELD_TYPE_STRING = 3;
    int FIELD_TYPE_BLOB = 4;

    int getCount();
    int getPosition();
    boolean move(int offset);
    boolean moveToPosition(int position);
    boolean moveToFirst();
    boolean moveToLast();
    boolean moveToNext();
    boolean moveToPrevious();
    boolean isAfterLast();
    boolean isBeforeFirst();
    int getColumnIndex(String columnName);
    int getColumnIndexOrThrow(String columnName) throws IllegalArgumentException;
    String getColumnName(int columnIndex);
    String[] getColumnNames();
    int getColumnCount();
    String getString(int columnIndex);
    int getInt(int columnIndex);
    long getLong(int columnIndex);
    double getDouble(int columnIndex);
    boolean isNull(int columnIndex);
    int getType(int columnIndex);
    @Override void close();
    boolean isClosed();
}
