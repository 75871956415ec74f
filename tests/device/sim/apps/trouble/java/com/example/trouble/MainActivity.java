package com.example.trouble;

import android.app.Activity;
import android.content.BroadcastReceiver;
import android.content.ComponentName;
import android.content.IntentFilter;
import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.os.Bundle;
import android.os.Handler;
import android.os.Looper;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.TextView;
import java.net.ServerSocket;
import java.net.Socket;

/** A test app that misbehaves on demand: each button is one kind of trouble. */
public class MainActivity extends Activity {
    private LinearLayout root;
    private TextView status;
    private final Handler handler = new Handler(Looper.getMainLooper());
    private int ticks;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        SharedPreferences prefs = getSharedPreferences("trouble", Context.MODE_PRIVATE);
        if (prefs.getBoolean("crash_on_create", false)) {
            throw new IllegalStateException("armed crash in onCreate");
        }
        root = new LinearLayout(this);
        status = new TextView(this);
        status.setText("ready");
        root.addView(status);
        button("Exit", () -> { android.util.Log.i("trouble", "exiting"); System.exit(0); });
        button("Block", () -> {
            while (true) {
                Thread.onSpinWait();
            }
        });
        button("Hang network", () -> {
            Thread t = new Thread(() -> {
                try (ServerSocket server = new ServerSocket(0);
                     Socket s = new Socket("127.0.0.1", server.getLocalPort())) {
                    s.getInputStream().read();
                } catch (Exception e) {
                    status.setText("net error " + e);
                }
            }, "hung-network");
            t.start();
            status.setText("network thread started");
        });
        button("Arm crash", () -> {
            prefs.edit().putBoolean("crash_on_create", true).commit();
            status.setText("armed");
        });
        button("Second", () -> startActivity(new Intent(this, SecondActivity.class)));
        button("Start services", () -> {
            ComponentName missing = startService(new Intent().setClassName("com.example.absent", "com.example.absent.Svc"));
            ComponentName present = startService(new Intent().setClassName("com.tencent.mm", "com.tencent.mm.booter.CoreService"));
            status.setText("missing=" + missing + " present=" + (present != null));
        });
        button("Tick", () -> handler.postDelayed(new Runnable() {
            @Override public void run() {
                ticks++;
                getSharedPreferences("trouble", Context.MODE_PRIVATE).edit().putInt("ticks", ticks).apply();
                if (ticks < 5) handler.postDelayed(this, 100);
            }
        }, 100));
        button("Sync", () -> {
            registerReceiver(new BroadcastReceiver() {
                @Override public void onReceive(Context context, Intent intent) {
                    status.setText("synced " + intent.getStringExtra("items"));
                }
            }, new IntentFilter(SyncService.DONE));
            startService(new Intent(this, SyncService.class));
        });
        setContentView(root);
    }

    private void button(String text, Runnable action) {
        Button b = new Button(this);
        b.setText(text);
        b.setOnClickListener(v -> action.run());
        root.addView(b);
    }
}
