package com.example.escape;

import android.app.Activity;
import android.content.ClipData;
import android.content.ClipboardManager;
import android.content.Context;
import android.os.Bundle;
import android.provider.Settings;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.TextView;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * A test app that tries to get out of the virtual device: around the proxy (Proxy.NO_PROXY, a raw
 * Socket, a datagram) to a server on the host, and a file write outside its data directory. The target
 * ("PORT|PATH") comes from the clipboard.
 */
public class MainActivity extends Activity {
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        LinearLayout root = new LinearLayout(this);
        status = new TextView(this);
        status.setText("ready");
        root.addView(status);
        Button go = new Button(this);
        go.setText("Escape");
        go.setOnClickListener(v -> new Thread(this::escape, "escape").start());
        root.addView(go);
        setContentView(root);
    }

    private void escape() {
        ClipboardManager cm = (ClipboardManager) getSystemService(Context.CLIPBOARD_SERVICE);
        ClipData clip = cm.getPrimaryClip();
        String[] target = String.valueOf(clip.getItemAt(0).getText()).split("\\|");
        int port = Integer.parseInt(target[0]);
        String aid = Settings.Secure.getString(getContentResolver(), Settings.Secure.ANDROID_ID);
        StringBuilder out = new StringBuilder("done:");
        out.append(" http=").append(attempt(() -> {
            URL url = new URL("http://127.0.0.1:" + port + "/leak?aid=" + aid);
            HttpURLConnection c = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
            c.getResponseCode();
        }));
        out.append(" socket=").append(attempt(() -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getOutputStream().write(("aid=" + aid + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }));
        out.append(" udp=").append(attempt(() -> {
            try (DatagramSocket d = new DatagramSocket()) {
                byte[] b = ("aid=" + aid).getBytes(StandardCharsets.UTF_8);
                d.send(new DatagramPacket(b, b.length, InetAddress.getByName("127.0.0.1"), port));
            }
        }));
        out.append(" dns=").append(attempt(() -> InetAddress.getByName("tracker.example.com")));
        out.append(" file=").append(attempt(() -> {
            try (OutputStream o = new FileOutputStream(target[1])) {
                o.write(aid.getBytes(StandardCharsets.UTF_8));
            }
        }));
        out.append(" own=").append(attempt(() -> {
            try (OutputStream o = new FileOutputStream(new File(getFilesDir(), "own.txt"))) {
                o.write('x');
            }
        }));
        String text = out.toString();
        runOnUiThread(() -> status.setText(text));
    }

    private interface Attempt { void run() throws Exception; }

    private static String attempt(Attempt a) {
        try {
            a.run();
            return "through";
        } catch (SecurityException e) {
            return "refused";
        } catch (Exception e) {
            return "error";
        }
    }
}
