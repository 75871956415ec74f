package io.dynscan.plugin;

import io.dynscan.loaders.Tracker;

/** Loaded at run time; it calls the app's Tracker through its parent loader. */
public final class Beacon {
    private Beacon() {}

    public static String ping(String run) {
        return Tracker.collect("plugin " + run);
    }
}
