package com.google.android.gms.ads.identifier;

import android.content.Context;

/**
 * Play services' advertising-ID client, bundled with the app as the real library is. Without Play services
 * (the virtual device, an emulator image without them) it reports the all-zero ID with tracking limited.
 */
public final class AdvertisingIdClient {
    private AdvertisingIdClient() {}

    public static Info getAdvertisingIdInfo(Context context) {
        return new Info("00000000-0000-0000-0000-000000000000", true);
    }

    public static final class Info {
        private final String id;
        private final boolean limited;

        public Info(String id, boolean limited) {
            this.id = id;
            this.limited = limited;
        }

        public String getId() { return id; }

        public boolean isLimitAdTrackingEnabled() { return limited; }
    }
}
