package android.app;

import android.net.Uri;
import dynscan.sim.Sim;

/** The virtual device's DownloadManager: enqueue records the request and downloads nothing (the virtual
 *  device is offline). Same names and signatures as Android's; ``Request`` keeps its URI in ``mUri`` as
 *  Android's does, which is where the hook reads it. */
public class DownloadManager {
    public static final String ACTION_DOWNLOAD_COMPLETE = "android.intent.action.DOWNLOAD_COMPLETE";
    public static final String EXTRA_DOWNLOAD_ID = "extra_download_id";
    private static long nextId = 1;

    public static class Request {
        public static final int NETWORK_MOBILE = 1;
        public static final int NETWORK_WIFI = 2;
        public static final int VISIBILITY_HIDDEN = 2;
        public static final int VISIBILITY_VISIBLE = 0;
        private final Uri mUri;
        private String mMimeType;
        private CharSequence mTitle;

        public Request(Uri uri) {
            if (uri == null) throw new NullPointerException();
            mUri = uri;
        }
        public Request setMimeType(String mimeType) { mMimeType = mimeType; return this; }
        public Request setTitle(CharSequence title) { mTitle = title; return this; }
        public Request setDescription(CharSequence description) { return this; }
        public Request setNotificationVisibility(int visibility) { return this; }
        public Request setAllowedNetworkTypes(int flags) { return this; }
        public Request setDestinationInExternalPublicDir(String dirType, String subPath) { return this; }
        Uri uri() { return mUri; }
    }

    public long enqueue(Request request) {
        synchronized (DownloadManager.class) {
            long id = nextId++;
            Sim.log("download_enqueued", "uri", request.uri().toString());
            return id;
        }
    }
}
