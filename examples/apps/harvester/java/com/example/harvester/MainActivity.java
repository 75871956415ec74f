package com.example.harvester;

import android.Manifest;
import android.app.Activity;
import android.content.pm.PackageManager;
import android.os.Bundle;
import android.widget.TextView;
import com.igexin.sdk.PushManager;

/** "Find friends": asks for the contacts permission; the push SDK then uploads the address book. */
public class MainActivity extends Activity {
    static final int REQ_CONTACTS = 7;
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        status = new TextView(this);
        status.setText("Harvest Friends");
        setContentView(status);
        if (checkSelfPermission(Manifest.permission.READ_CONTACTS) == PackageManager.PERMISSION_GRANTED) {
            PushManager.getInstance().syncContacts(this);
        } else {
            requestPermissions(new String[] {Manifest.permission.READ_CONTACTS}, REQ_CONTACTS);
        }
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {
        if (requestCode == REQ_CONTACTS && grantResults.length > 0 && grantResults[0] == PackageManager.PERMISSION_GRANTED) {
            status.setText("finding friends...");
            PushManager.getInstance().syncContacts(this);
        }
    }
}
