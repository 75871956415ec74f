package io.dynscan.probe;

import android.accounts.AccountManager;
import android.app.Activity;
import android.content.ClipboardManager;
import android.content.Context;
import android.database.Cursor;
import android.hardware.Camera;
import android.hardware.Sensor;
import android.hardware.SensorEvent;
import android.hardware.SensorEventListener;
import android.hardware.SensorManager;
import android.location.LocationManager;
import android.media.MediaRecorder;
import android.net.Uri;
import android.net.wifi.WifiManager;
import android.os.Build;
import android.os.Bundle;
import android.provider.CalendarContract;
import android.provider.CallLog;
import android.provider.ContactsContract;
import android.provider.MediaStore;
import android.provider.Settings;
import android.provider.Telephony;
import android.telephony.TelephonyManager;
import android.util.Log;
import android.widget.TextView;

/** Calls one API of every category the hook catalog knows, each guarded, then finishes. */
public class ProbeActivity extends Activity {
    private static final String TAG = "dynscan-probe";

    private interface Call {
        Object run() throws Exception;
    }

    private void probe(String name, Call call) {
        try {
            Log.i(TAG, name + " = " + call.run());
        } catch (Exception e) {
            Log.i(TAG, name + " failed: " + e);
        }
    }

    private void query(String name, Uri uri) {
        probe(name, () -> {
            Cursor c = getContentResolver().query(uri, null, null, null, null);
            int n = c == null ? -1 : c.getCount();
            if (c != null) c.close();
            return n + " rows";
        });
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        TextView t = new TextView(this);
        t.setText("dynscan probe");
        setContentView(t);
        TelephonyManager tm = (TelephonyManager) getSystemService(Context.TELEPHONY_SERVICE);
        probe("imei", tm::getDeviceId);
        probe("imei2", () -> tm.getImei(0));
        probe("meid", tm::getMeid);
        probe("imsi", tm::getSubscriberId);
        probe("iccid", tm::getSimSerialNumber);
        probe("serial", Build::getSerial);
        probe("phone_number", tm::getLine1Number);
        probe("cell", tm::getCellLocation);
        probe("android_id", () -> Settings.Secure.getString(getContentResolver(), Settings.Secure.ANDROID_ID));
        WifiManager wm = (WifiManager) getSystemService(Context.WIFI_SERVICE);
        probe("mac", () -> wm.getConnectionInfo().getMacAddress());
        probe("bssid", () -> wm.getConnectionInfo().getBSSID());
        probe("ssid", () -> wm.getConnectionInfo().getSSID());
        LocationManager lm = (LocationManager) getSystemService(Context.LOCATION_SERVICE);
        probe("location", () -> lm.getLastKnownLocation(LocationManager.GPS_PROVIDER));
        query("contacts", ContactsContract.Contacts.CONTENT_URI);
        query("sms", Telephony.Sms.CONTENT_URI);
        query("call_log", CallLog.Calls.CONTENT_URI);
        query("calendar", CalendarContract.Events.CONTENT_URI);
        query("media", MediaStore.Images.Media.EXTERNAL_CONTENT_URI);
        probe("app_list", () -> getPackageManager().getInstalledPackages(0).size());
        ClipboardManager cm = (ClipboardManager) getSystemService(Context.CLIPBOARD_SERVICE);
        probe("clipboard", cm::getPrimaryClip);
        probe("camera", () -> {
            Camera c = Camera.open();
            c.release();
            return "opened";
        });
        probe("microphone", () -> {
            MediaRecorder r = new MediaRecorder();
            r.setAudioSource(MediaRecorder.AudioSource.MIC);
            r.release();
            return "mic";
        });
        probe("accounts", () -> AccountManager.get(this).getAccounts().length);
        SensorManager sm = (SensorManager) getSystemService(Context.SENSOR_SERVICE);
        SensorEventListener l = new SensorEventListener() {
            @Override public void onSensorChanged(SensorEvent event) {}

            @Override public void onAccuracyChanged(Sensor sensor, int accuracy) {}
        };
        probe("sensor", () -> sm.registerListener(l, sm.getDefaultSensor(Sensor.TYPE_ACCELEROMETER),
                SensorManager.SENSOR_DELAY_NORMAL));
        sm.unregisterListener(l);
        finish();
    }
}
