package com.example.pinned;

import android.app.Activity;
import android.content.ClipboardManager;
import android.content.Context;
import android.os.Bundle;
import android.widget.TextView;
import com.umeng.pinned.PinnedUploader;

/** Starts the SDK with the server "URL|sha256-pin" found on the clipboard, then finishes. */
public class MainActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        TextView t = new TextView(this);
        t.setText("Pinned");
        setContentView(t);
        ClipboardManager cm = (ClipboardManager) getSystemService(Context.CLIPBOARD_SERVICE);
        CharSequence target = cm.getText();
        if (target != null) PinnedUploader.upload(this, target.toString());
        finish();
    }
}
