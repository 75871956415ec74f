package androidx.work.impl.model;

/** A request's stored form: the worker class and its timing (public fields, as in androidx.work). */
public final class WorkSpec {
    public String workerClassName;
    public long initialDelay;
    public long intervalDuration;

    public WorkSpec(String workerClassName) { this.workerClassName = workerClassName; }
}
