package androidx.work;

import java.util.UUID;

/** What a worker is constructed with: its request's id. */
public final class WorkerParameters {
    private final UUID id;

    public WorkerParameters(UUID id) { this.id = id; }
    public UUID getId() { return id; }
}
