package android.content;

import android.net.Uri;
import android.os.Bundle;
import java.util.LinkedHashSet;
import java.util.Set;

/** A description of an operation to perform. */
public class Intent {
    public static final String ACTION_MAIN = "android.intent.action.MAIN";
    public static final String ACTION_VIEW = "android.intent.action.VIEW";
    public static final String ACTION_SEND = "android.intent.action.SEND";
    public static final String ACTION_DIAL = "android.intent.action.DIAL";
    public static final String ACTION_BOOT_COMPLETED = "android.intent.action.BOOT_COMPLETED";
    public static final String CATEGORY_LAUNCHER = "android.intent.category.LAUNCHER";
    public static final String CATEGORY_DEFAULT = "android.intent.category.DEFAULT";
    public static final String CATEGORY_BROWSABLE = "android.intent.category.BROWSABLE";
    public static final String CATEGORY_HOME = "android.intent.category.HOME";
    public static final String EXTRA_TEXT = "android.intent.extra.TEXT";
    /** Set by AlarmManager on the intent an alarm delivers: how many alarms it stands for. */
    public static final String EXTRA_ALARM_COUNT = "android.intent.extra.ALARM_COUNT";
    public static final int FLAG_ACTIVITY_NEW_TASK = 0x10000000;
    public static final int FLAG_ACTIVITY_CLEAR_TOP = 0x04000000;
    public static final int FLAG_ACTIVITY_SINGLE_TOP = 0x20000000;
    public static final int FLAG_ACTIVITY_CLEAR_TASK = 0x00008000;
    public static final int FLAG_ACTIVITY_NO_HISTORY = 0x40000000;

    private String mAction;
    private Uri mData;
    private String mType;
    private String mPackage;
    private ComponentName mComponent;
    private int mFlags;
    private final Set<String> mCategories = new LinkedHashSet<>();
    private Bundle mExtras;

    public Intent() {}

    public Intent(Intent o) {
        mAction = o.mAction;
        mData = o.mData;
        mType = o.mType;
        mPackage = o.mPackage;
        mComponent = o.mComponent;
        mFlags = o.mFlags;
        mCategories.addAll(o.mCategories);
        if (o.mExtras != null) mExtras = new Bundle(o.mExtras);
    }

    public Intent(String action) { mAction = action; }

    public Intent(String action, Uri uri) {
        mAction = action;
        mData = uri;
    }

    public Intent(Context packageContext, Class<?> cls) { mComponent = new ComponentName(packageContext, cls); }

    public Intent(String action, Uri uri, Context packageContext, Class<?> cls) {
        this(packageContext, cls);
        mAction = action;
        mData = uri;
    }

    public String getAction() { return mAction; }
    public Intent setAction(String action) { mAction = action; return this; }
    public Uri getData() { return mData; }
    public String getDataString() { return mData == null ? null : mData.toString(); }
    public Intent setData(Uri data) { mData = data; return this; }
    public String getType() { return mType; }
    public Intent setType(String type) { mType = type; return this; }
    public Intent setDataAndType(Uri data, String type) { mData = data; mType = type; return this; }
    public String getPackage() { return mPackage; }
    public Intent setPackage(String packageName) { mPackage = packageName; return this; }
    public ComponentName getComponent() { return mComponent; }
    public Intent setComponent(ComponentName component) { mComponent = component; return this; }

    public Intent setClassName(String packageName, String className) {
        mComponent = new ComponentName(packageName, className);
        return this;
    }

    public Intent setClassName(Context packageContext, String className) {
        mComponent = new ComponentName(packageContext, className);
        return this;
    }

    public Intent setClass(Context packageContext, Class<?> cls) {
        mComponent = new ComponentName(packageContext, cls);
        return this;
    }

    public int getFlags() { return mFlags; }
    public Intent setFlags(int flags) { mFlags = flags; return this; }
    public Intent addFlags(int flags) { mFlags |= flags; return this; }
    public Intent addCategory(String category) { mCategories.add(category); return this; }
    public boolean hasCategory(String category) { return mCategories.contains(category); }
    public Set<String> getCategories() { return mCategories.isEmpty() ? null : mCategories; }

    private Bundle extras() {
        if (mExtras == null) mExtras = new Bundle();
        return mExtras;
    }

    public Intent putExtra(String name, String value) { extras().putString(name, value); return this; }
    public Intent putExtra(String name, int value) { extras().putInt(name, value); return this; }
    public Intent putExtra(String name, long value) { extras().putLong(name, value); return this; }
    public Intent putExtra(String name, boolean value) { extras().putBoolean(name, value); return this; }
    public Intent putExtras(Bundle extras) { extras().putAll(extras); return this; }
    public Bundle getExtras() { return mExtras == null ? null : new Bundle(mExtras); }
    public boolean hasExtra(String name) { return mExtras != null && mExtras.containsKey(name); }
    public String getStringExtra(String name) { return mExtras == null ? null : mExtras.getString(name); }
    public int getIntExtra(String name, int d) { return mExtras == null ? d : mExtras.getInt(name, d); }
    public long getLongExtra(String name, long d) { return mExtras == null ? d : mExtras.getLong(name, d); }
    public boolean getBooleanExtra(String name, boolean d) { return mExtras == null ? d : mExtras.getBoolean(name, d); }

    public static Intent createChooser(Intent target, CharSequence title) { return new Intent(target); }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("Intent { ");
        if (mAction != null) sb.append("act=").append(mAction).append(' ');
        if (!mCategories.isEmpty()) sb.append("cat=").append(mCategories).append(' ');
        if (mData != null) sb.append("dat=").append(mData).append(' ');
        if (mPackage != null) sb.append("pkg=").append(mPackage).append(' ');
        if (mComponent != null) sb.append("cmp=").append(mComponent.flattenToShortString()).append(' ');
        return sb.append('}').toString();
    }
}
