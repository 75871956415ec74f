package androidx.work;

import androidx.work.impl.model.WorkSpec;
import java.util.concurrent.TimeUnit;

/** Work that runs once. */
public final class OneTimeWorkRequest extends WorkRequest {
    private OneTimeWorkRequest(WorkSpec spec) { super(spec); }

    public static OneTimeWorkRequest from(Class<? extends ListenableWorker> workerClass) {
        return new Builder(workerClass).build();
    }

    public static final class Builder {
        private final WorkSpec spec;

        public Builder(Class<? extends ListenableWorker> workerClass) { spec = new WorkSpec(workerClass.getName()); }
        public Builder setInitialDelay(long duration, TimeUnit unit) { spec.initialDelay = unit.toMillis(duration); return this; }
        public OneTimeWorkRequest build() { return new OneTimeWorkRequest(spec); }
    }
}
