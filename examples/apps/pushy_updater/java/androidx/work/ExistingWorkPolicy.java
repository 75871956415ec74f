package androidx.work;

/** What to do when unique one-time work of the same name exists. */
public enum ExistingWorkPolicy { REPLACE, KEEP, APPEND, APPEND_OR_REPLACE }
