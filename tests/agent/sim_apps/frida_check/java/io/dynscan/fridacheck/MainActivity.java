package io.dynscan.fridacheck;

import android.app.Activity;
import android.os.Bundle;
import android.os.Process;
import android.util.Log;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileReader;
import java.io.IOException;

/** What MSA-protected apps do: look for Frida's library in the memory map and its server's file; if found, die. */
public class MainActivity extends Activity {
    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        boolean found = new File("/data/local/tmp/frida-server").exists();
        try (BufferedReader r = new BufferedReader(new FileReader("/proc/self/maps"))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) found |= line.contains("frida");
        } catch (IOException e) {
            Log.i("fridacheck", "maps unreadable: " + e);
        }
        Log.i("fridacheck", "frida found: " + found);
        if (found) Process.killProcess(Process.myPid());
    }
}
