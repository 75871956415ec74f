package org.example.tour;

import android.accounts.Account;
import android.accounts.AccountManager;
import android.app.Activity;
import android.app.ActivityManager;
import android.app.AlertDialog;
import android.app.Dialog;
import android.content.ClipData;
import android.content.ClipboardManager;
import android.content.ComponentName;
import android.content.ContentResolver;
import android.content.Context;
import android.content.DialogInterface;
import android.content.Intent;
import android.content.SharedPreferences;
import android.content.pm.ApplicationInfo;
import android.content.pm.PackageInfo;
import android.content.pm.PackageManager;
import android.content.pm.ResolveInfo;
import android.database.Cursor;
import android.hardware.Sensor;
import android.hardware.SensorEvent;
import android.hardware.SensorEventListener;
import android.hardware.SensorManager;
import android.location.Location;
import android.location.LocationListener;
import android.location.LocationManager;
import android.net.Uri;
import android.net.wifi.WifiInfo;
import android.net.wifi.WifiManager;
import android.os.Build;
import android.os.Bundle;
import android.os.Handler;
import android.os.Looper;
import android.provider.CallLog;
import android.provider.ContactsContract;
import android.provider.Settings;
import android.provider.Telephony;
import android.telephony.TelephonyManager;
import android.util.Log;
import android.view.View;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.TextView;
import android.widget.Toast;
import java.util.ArrayList;
import java.util.List;

/** Uses every class and member the virtual device's issue lists; tapping "Run" checks them. */
public class TourActivity extends Activity implements SensorEventListener, LocationListener {
    private final List<String> problems = new ArrayList<>();
    private TextView result;
    private int sensorEvents;
    private int locations;

    private void check(boolean ok, String what) {
        if (!ok) problems.add(what);
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        LinearLayout root = new LinearLayout(this);
        result = new TextView(this);
        result.setText("not run");
        Button run = new Button(this);
        run.setText("Run");
        run.setOnClickListener(new View.OnClickListener() {
            @Override public void onClick(View v) { tour(); }
        });
        root.addView(run);
        root.addView(result);
        setContentView(root);
    }

    private void tour() {
        check(getApplication() == TourApp.instance && getApplicationContext() == TourApp.instance, "application");
        check("org.example.tour".equals(getPackageName()), "package name");
        check(Looper.myLooper() == Looper.getMainLooper(), "main looper");
        check(Build.VERSION.SDK_INT >= 30 && Build.MODEL.length() > 0 && Build.MANUFACTURER.length() > 0
                && Build.BRAND.length() > 0 && Build.SERIAL.equals("unknown"), "Build");
        check(Build.getSerial().length() > 5, "getSerial");

        TelephonyManager tm = (TelephonyManager) getSystemService(Context.TELEPHONY_SERVICE);
        String imei = tm.getDeviceId();
        check(imei.length() == 15 && imei.equals(tm.getDeviceId(0)) && imei.equals(tm.getImei()) && imei.equals(tm.getImei(0)), "imei");
        check(tm.getMeid().length() == 14 && tm.getSubscriberId().length() == 15 && tm.getSimSerialNumber().length() >= 19, "sim ids");
        check(tm.getLine1Number().startsWith("+") && tm.getSimOperator().length() == 5 && tm.getNetworkOperatorName().length() > 0, "numbers");

        ContentResolver cr = getContentResolver();
        check(Settings.Secure.getString(cr, Settings.Secure.ANDROID_ID).length() == 16, "android id");
        Cursor c = cr.query(ContactsContract.Contacts.CONTENT_URI, null, null, null, null);
        int names = 0;
        while (c.moveToNext()) if (c.getString(c.getColumnIndex(ContactsContract.Contacts.DISPLAY_NAME)).length() > 0) names++;
        check(names == c.getCount() && names > 0, "contacts");
        c.close();
        Cursor phones = cr.query(ContactsContract.CommonDataKinds.Phone.CONTENT_URI,
                new String[] {ContactsContract.CommonDataKinds.Phone.NUMBER}, null, null, null);
        check(phones.moveToNext() && phones.getString(0).startsWith("+"), "phones");
        phones.close();
        Cursor calls = cr.query(CallLog.Calls.CONTENT_URI, null, null, null, null);
        check(calls.getCount() > 0 && calls.getColumnIndex(CallLog.Calls.NUMBER) >= 0, "call log");
        calls.close();
        Cursor sms = cr.query(Telephony.Sms.CONTENT_URI, null, null, null, null);
        check(sms.moveToNext() && sms.getString(sms.getColumnIndex(Telephony.Sms.BODY)) != null, "sms");
        sms.close();

        WifiManager wm = (WifiManager) getSystemService(Context.WIFI_SERVICE);
        WifiInfo wi = wm.getConnectionInfo();
        check(wi.getMacAddress().length() == 17 && wi.getBSSID().length() == 17 && wi.getSSID().startsWith("\""), "wifi");

        LocationManager lm = (LocationManager) getSystemService(Context.LOCATION_SERVICE);
        Location loc = lm.getLastKnownLocation(LocationManager.GPS_PROVIDER);
        check(loc.getLatitude() != 0 && loc.getLongitude() != 0, "location");
        lm.requestLocationUpdates(LocationManager.NETWORK_PROVIDER, 1000L, 0f, this);

        SensorManager sm = (SensorManager) getSystemService(Context.SENSOR_SERVICE);
        Sensor accel = sm.getDefaultSensor(Sensor.TYPE_ACCELEROMETER);
        check(sm.getDefaultSensor(Sensor.TYPE_GYROSCOPE) != null, "gyroscope");
        check(sm.registerListener(this, accel, SensorManager.SENSOR_DELAY_GAME), "register sensor");
        check(SensorManager.SENSOR_DELAY_FASTEST < SensorManager.SENSOR_DELAY_NORMAL
                && SensorManager.SENSOR_DELAY_GAME < SensorManager.SENSOR_DELAY_UI, "delays");

        Account[] accounts = AccountManager.get(this).getAccounts();
        check(accounts.length == 1 && accounts[0].name.contains("@") && accounts[0].type.equals("com.google"), "accounts");

        SharedPreferences p = getSharedPreferences("tour", Context.MODE_PRIVATE);
        p.edit().putString("s", "v").putInt("i", 7).apply();
        check(p.getString("s", null).equals("v") && p.getInt("i", 0) == 7, "prefs put");
        p.edit().remove("s").commit();
        check(p.getString("s", "gone").equals("gone"), "prefs remove");
        p.edit().clear().commit();
        check(p.getInt("i", -1) == -1, "prefs clear");

        ClipboardManager cm = (ClipboardManager) getSystemService(Context.CLIPBOARD_SERVICE);
        cm.setPrimaryClip(ClipData.newPlainText("label", "copied text"));
        check(cm.getPrimaryClip().getItemAt(0).getText().toString().equals("copied text"), "clipboard");

        PackageManager pm = getPackageManager();
        List<PackageInfo> pkgs = pm.getInstalledPackages(0);
        List<ApplicationInfo> apps = pm.getInstalledApplications(0);
        check(pkgs.size() == apps.size() && pkgs.size() > 5, "installed");
        boolean me = false;
        for (PackageInfo pi : pkgs) me |= pi.packageName.equals(getPackageName());
        check(me, "self installed");
        Intent launcher = new Intent(Intent.ACTION_MAIN);
        launcher.addCategory(Intent.CATEGORY_LAUNCHER);
        List<ResolveInfo> ris = pm.queryIntentActivities(launcher, 0);
        check(!ris.isEmpty() && ris.get(0).activityInfo.packageName != null, "queryIntentActivities");
        check(checkSelfPermission("android.permission.READ_PHONE_STATE") == PackageManager.PERMISSION_GRANTED
                && checkSelfPermission("android.permission.CAMERA") == PackageManager.PERMISSION_DENIED, "checkSelfPermission");

        ActivityManager am = (ActivityManager) getSystemService(Context.ACTIVITY_SERVICE);
        check(am.getRunningAppProcesses().get(0).processName.equals(getPackageName()), "running processes");

        Intent explicit = new Intent(this, TourActivity.class);
        check(explicit.getComponent().getClassName().equals(TourActivity.class.getName()), "intent class");
        Intent byName = new Intent().setClassName("com.tencent.mm", "com.tencent.mm.booter.CoreService")
                .setPackage("com.tencent.mm").addFlags(Intent.FLAG_ACTIVITY_NEW_TASK);
        check(startService(byName) != null, "startService installed");
        check(startService(new Intent().setComponent(new ComponentName("no.such.pkg", "no.such.pkg.S"))) == null, "startService missing");
        sendBroadcast(new Intent("org.example.tour.PING").setPackage("com.tencent.mm"));
        Uri uri = Uri.parse("https://example.org/path?q=1");
        check("example.org".equals(uri.getHost()) && "https".equals(uri.getScheme()) && "1".equals(uri.getQueryParameter("q")), "uri");
        check(new Intent(Intent.ACTION_VIEW, uri).getData() == uri, "intent data");

        Dialog d = new AlertDialog.Builder(this).setTitle("t").setMessage("m")
                .setPositiveButton("OK", (DialogInterface di, int which) -> check(which == DialogInterface.BUTTON_POSITIVE, "positive"))
                .setNegativeButton("No", null).create();
        d.show();
        check(d.isShowing(), "dialog shown");
        d.dismiss();
        check(!d.isShowing(), "dialog dismissed");
        Toast.makeText(this, "toast", Toast.LENGTH_SHORT).show();
        Log.d("tour", "checked");

        Bundle b = new Bundle();
        b.putString("k", "v");
        check(b.getString("k").equals("v"), "bundle");

        Handler h = new Handler(Looper.getMainLooper());
        Runnable never = () -> problems.add("removed callback ran");
        h.postDelayed(never, 50);
        h.removeCallbacks(never);
        h.postDelayed(() -> runOnUiThread(this::finishTour), 600);
        h.post(() -> check(Looper.myLooper() == Looper.getMainLooper(), "post on main"));
    }

    private void finishTour() {
        ((SensorManager) getSystemService(Context.SENSOR_SERVICE)).unregisterListener(this);
        ((LocationManager) getSystemService(Context.LOCATION_SERVICE)).removeUpdates(this);
        check(sensorEvents >= 5, "sensor events " + sensorEvents);
        check(locations >= 1, "location updates");
        result.setText(problems.isEmpty() ? "tour ok" : "problems: " + problems);
    }

    @Override
    public void onSensorChanged(SensorEvent event) {
        if (event.values.length == 3 && Math.abs(event.values[2] - SensorManager.GRAVITY_EARTH) < 0.5f) sensorEvents++;
    }

    @Override
    public void onAccuracyChanged(Sensor sensor, int accuracy) {}

    @Override
    public void onLocationChanged(Location location) { locations++; }
}
