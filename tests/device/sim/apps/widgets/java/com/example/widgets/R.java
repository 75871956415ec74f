package com.example.widgets;

/** What Android Studio generates from res/: the view IDs the layouts name. */
public final class R {
    private R() {}

    public static final class id {
        private id() {}

        public static final int tv_title = 0x7f0a0001;
        public static final int tv_content = 0x7f0a0002;
        public static final int cb_agree = 0x7f0a0003;
        public static final int ll_disagree = 0x7f0a0004;
        public static final int ll_agree = 0x7f0a0005;
        public static final int iv_close = 0x7f0a0006;
        public static final int status = 0x7f0a0007;
        public static final int btn_settings = 0x7f0a0008;
    }
}
