package android.app.usage;

import android.app.ActivityThread;
import java.util.ArrayList;
import java.util.List;

/** App usage history; PACKAGE_USAGE_STATS (granted in Settings, never at run time). */
public final class UsageStatsManager {
    public static final int INTERVAL_DAILY = 0;

    public UsageStatsManager() {}

    public List<UsageStats> queryUsageStats(int intervalType, long beginTime, long endTime) {
        List<UsageStats> out = new ArrayList<>();
        if (!ActivityThread.granted("android.permission.PACKAGE_USAGE_STATS")) return out;
        for (String pkg : ActivityThread.installedPackages()) out.add(new UsageStats(pkg, endTime - 60000L, 120000L));
        return out;
    }

    public UsageEvents queryEvents(long beginTime, long endTime) { return new UsageEvents(); }
}
