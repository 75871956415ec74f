package androidx.work;

import androidx.work.impl.model.WorkSpec;
import java.util.concurrent.TimeUnit;

/** Work that repeats (at least every 15 minutes on Android). */
public final class PeriodicWorkRequest extends WorkRequest {
    private PeriodicWorkRequest(WorkSpec spec) { super(spec); }

    public static final class Builder {
        private final WorkSpec spec;

        public Builder(Class<? extends ListenableWorker> workerClass, long repeatInterval, TimeUnit unit) {
            spec = new WorkSpec(workerClass.getName());
            spec.intervalDuration = unit.toMillis(repeatInterval);
        }
        public PeriodicWorkRequest build() { return new PeriodicWorkRequest(spec); }
    }
}
