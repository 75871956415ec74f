package androidx.work;

import androidx.work.impl.model.WorkSpec;
import java.util.UUID;

/** A request for work: its id and its spec (the worker class to run and when). */
public abstract class WorkRequest {
    private final UUID id = UUID.randomUUID();
    private final WorkSpec workSpec;

    protected WorkRequest(WorkSpec workSpec) { this.workSpec = workSpec; }
    public UUID getId() { return id; }
    public WorkSpec getWorkSpec() { return workSpec; }
}
