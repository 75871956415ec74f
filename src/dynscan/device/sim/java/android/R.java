package android;

/** The framework's public resource IDs (values as in the SDK's android.jar). */
public final class R {
    private R() {}

    /** View IDs. */
    public static final class id {
        private id() {}

        public static final int background = 0x01020000;
        public static final int checkbox = 0x01020001;
        public static final int content = 0x01020002;
        public static final int edit = 0x01020003;
        public static final int empty = 0x01020004;
        public static final int hint = 0x01020005;
        public static final int icon = 0x01020006;
        public static final int input = 0x01020009;
        public static final int list = 0x0102000a;
        public static final int message = 0x0102000b;
        public static final int primary = 0x0102000d;
        public static final int progress = 0x0102000e;
        public static final int summary = 0x01020010;
        public static final int text1 = 0x01020014;
        public static final int text2 = 0x01020015;
        public static final int title = 0x01020016;
        public static final int toggle = 0x01020017;
        public static final int widget_frame = 0x01020018;
        public static final int button1 = 0x01020019;
        public static final int button2 = 0x0102001a;
        public static final int button3 = 0x0102001b;
        public static final int closeButton = 0x0102001c;
    }

    /** Colour resources. */
    public static final class color {
        private color() {}

        public static final int white = 0x0106000b;
        public static final int black = 0x0106000c;
        public static final int transparent = 0x0106000d;
    }
}
