package android.app.usage;

/** Usage events in an interval (the virtual device has none to report). */
public final class UsageEvents {
    UsageEvents() {}

    public boolean hasNextEvent() { return false; }
}
