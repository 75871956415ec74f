package android.app.usage;

/** Usage of one package over an interval. */
public final class UsageStats {
    private final String packageName;
    private final long lastTimeUsed;
    private final long totalTimeInForeground;

    UsageStats(String packageName, long lastTimeUsed, long totalTimeInForeground) {
        this.packageName = packageName;
        this.lastTimeUsed = lastTimeUsed;
        this.totalTimeInForeground = totalTimeInForeground;
    }

    public String getPackageName() { return packageName; }
    public long getLastTimeUsed() { return lastTimeUsed; }
    public long getTotalTimeInForeground() { return totalTimeInForeground; }
}
