package androidx.work;

/** The outcome of an enqueue (androidx.work's name; this stand-in is always done). */
public interface Operation {
}
