package androidx.work;

/** What to do when unique periodic work of the same name exists. */
public enum ExistingPeriodicWorkPolicy { KEEP, REPLACE, UPDATE }
