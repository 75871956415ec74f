package io.dynscan.probe;

import android.accounts.Account;
import android.accounts.AccountManager;
import android.app.Activity;
import android.app.ActivityManager;
import android.app.admin.DevicePolicyManager;
import android.app.usage.UsageStatsManager;
import android.bluetooth.BluetoothAdapter;
import android.bluetooth.BluetoothDevice;
import android.content.ClipData;
import android.content.ClipboardManager;
import android.content.ComponentName;
import android.content.ContentValues;
import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.content.pm.PackageManager;
import android.database.ContentObserver;
import android.database.Cursor;
import android.hardware.Camera;
import android.hardware.Sensor;
import android.hardware.SensorEvent;
import android.hardware.SensorEventListener;
import android.hardware.SensorManager;
import android.location.Criteria;
import android.location.Geocoder;
import android.location.GnssStatus;
import android.location.Location;
import android.location.LocationManager;
import android.media.MediaRecorder;
import android.net.ConnectivityManager;
import android.net.Uri;
import android.net.wifi.WifiInfo;
import android.net.wifi.WifiManager;
import android.os.Build;
import android.os.Bundle;
import android.os.Environment;
import android.os.SystemProperties;
import android.provider.CalendarContract;
import android.provider.CallLog;
import android.provider.ContactsContract;
import android.provider.MediaStore;
import android.provider.Settings;
import android.provider.Telephony;
import android.telephony.SmsManager;
import android.telephony.SubscriptionInfo;
import android.telephony.SubscriptionManager;
import android.telephony.TelephonyManager;
import android.telephony.UiccCardInfo;
import android.telephony.cdma.CdmaCellLocation;
import android.telephony.gsm.GsmCellLocation;
import android.util.Log;
import android.webkit.JavascriptInterface;
import android.webkit.WebView;
import android.widget.TextView;
import com.android.id.impl.IdProviderImpl;
import dalvik.system.DexClassLoader;
import dalvik.system.DexFile;
import dalvik.system.InMemoryDexClassLoader;
import java.io.FileInputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Locale;

/**
 * Calls every API the hook catalog covers on the virtual device, each guarded (a refusal is an
 * answer too), then finishes. `dynscan doctor` checks that each category and each hook fired.
 */
public class ProbeActivity extends Activity {
    private static final String TAG = "dynscan-probe";

    private interface Call {
        Object run() throws Throwable;
    }

    private void probe(String name, Call call) {
        try {
            Log.i(TAG, name + " = " + call.run());
        } catch (Throwable e) {
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

    /** An object a web page could call. */
    public static final class Bridge {
        @JavascriptInterface
        public String deviceName() { return "probe"; }
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        TextView t = new TextView(this);
        t.setText("dynscan probe");
        setContentView(t);
        identifiers();
        telephony();
        network();
        location();
        personal();
        apps();
        hardware();
        system();
        consentSignals();
        finish();
    }

    private void identifiers() {
        TelephonyManager tm = (TelephonyManager) getSystemService(Context.TELEPHONY_SERVICE);
        probe("imei", tm::getDeviceId);
        probe("imei2", () -> tm.getImei(0));
        probe("meid", tm::getMeid);
        probe("imsi", tm::getSubscriberId);
        probe("iccid", tm::getSimSerialNumber);
        probe("serial", Build::getSerial);
        probe("radio", Build::getRadioVersion);
        probe("phone_number", tm::getLine1Number);
        probe("android_id", () -> Settings.Secure.getString(getContentResolver(), Settings.Secure.ANDROID_ID));
        probe("android_id_system", () -> Settings.System.getString(getContentResolver(), "android_id"));
        probe("device_name", () -> Settings.Global.getString(getContentResolver(), "device_name"));
        probe("sysprop_serial", () -> SystemProperties.get("ro.serialno"));
        IdProviderImpl ids = new IdProviderImpl();
        probe("oaid", () -> ids.getOAID(this));
        probe("vaid", () -> ids.getVAID(this));
        probe("aaid", () -> ids.getAAID(this));
        DevicePolicyManager dpm = (DevicePolicyManager) getSystemService(Context.DEVICE_POLICY_SERVICE);
        probe("dpm_mac", () -> dpm.getWifiMacAddress(new ComponentName(this, ProbeActivity.class)));
    }

    private void telephony() {
        TelephonyManager tm = (TelephonyManager) getSystemService(Context.TELEPHONY_SERVICE);
        probe("sim_operator", tm::getSimOperator);
        probe("sim_operator_name", tm::getSimOperatorName);
        probe("network_operator", tm::getNetworkOperator);
        probe("network_operator_name", tm::getNetworkOperatorName);
        probe("sim_country", tm::getSimCountryIso);
        probe("network_country", tm::getNetworkCountryIso);
        probe("service_state", tm::getServiceState);
        probe("cell_update", () -> {
            tm.requestCellInfoUpdate(Runnable::run, new TelephonyManager.CellInfoCallback() {
                @Override public void onCellInfo(java.util.List<android.telephony.CellInfo> cells) {}
            });
            return "requested";
        });
        probe("imeisv", tm::getDeviceSoftwareVersion);
        probe("voice_mail", tm::getVoiceMailNumber);
        probe("uicc", () -> {
            java.util.List<UiccCardInfo> cards = tm.getUiccCardsInfo();
            return cards.isEmpty() ? null : cards.get(0).getIccId();
        });
        SubscriptionManager sm = (SubscriptionManager) getSystemService(Context.TELEPHONY_SUBSCRIPTION_SERVICE);
        probe("subscriptions", () -> {
            SubscriptionInfo si = sm.getActiveSubscriptionInfoList().get(0);
            return si.getIccId() + " " + si.getNumber();
        });
        probe("cell", () -> {
            GsmCellLocation gsm = (GsmCellLocation) tm.getCellLocation();
            return gsm.getCid() + "/" + gsm.getLac();
        });
        probe("all_cells", tm::getAllCellInfo);
        probe("cdma", () -> {
            CdmaCellLocation cdma = new CdmaCellLocation();
            cdma.setCellLocationData(4321, 1, 2, 13824, 7);
            return cdma.getBaseStationId() + "/" + cdma.getNetworkId() + "/" + cdma.getBaseStationLatitude();
        });
        SmsManager sms = SmsManager.getDefault();
        probe("sms_send", () -> {
            sms.sendTextMessage("10086", null, "CXLL", null, null);
            return "sent";
        });
        probe("sms_multipart", () -> {
            sms.sendMultipartTextMessage("10086", null, sms.divideMessage("CXYE"), null, null);
            return "sent";
        });
        probe("sms_data", () -> {
            sms.sendDataMessage("10086", null, (short) 8091, new byte[] {1}, null, null);
            return "sent";
        });
    }

    private void network() {
        WifiManager wm = (WifiManager) getSystemService(Context.WIFI_SERVICE);
        WifiInfo wi = wm.getConnectionInfo();
        probe("mac", wi::getMacAddress);
        probe("bssid", wi::getBSSID);
        probe("ssid", wi::getSSID);
        probe("ip", wi::getIpAddress);
        probe("network_id", wi::getNetworkId);
        probe("scan", () -> wm.getScanResults().size());
        probe("start_scan", wm::startScan);
        probe("configured", () -> wm.getConfiguredNetworks().size());
        probe("dhcp", () -> wm.getDhcpInfo().ipAddress);
        BluetoothAdapter bt = BluetoothAdapter.getDefaultAdapter();
        probe("bt_address", bt::getAddress);
        probe("bt_name", bt::getName);
        probe("bt_bonded", () -> {
            BluetoothDevice d = bt.getBondedDevices().iterator().next();
            return d.getAddress() + " " + d.getName();
        });
        probe("bt_discovery", bt::startDiscovery);
        probe("hw_address", () -> {
            NetworkInterface lo = NetworkInterface.getNetworkInterfaces().nextElement();
            lo.getInetAddresses();
            byte[] hw = lo.getHardwareAddress();
            return hw == null ? -1 : hw.length;
        });
        probe("local_host", InetAddress::getLocalHost);
        ConnectivityManager cm = (ConnectivityManager) getSystemService(Context.CONNECTIVITY_SERVICE);
        probe("network_info", cm::getActiveNetworkInfo);
        probe("link", () -> cm.getLinkProperties(cm.getActiveNetwork()));
        probe("socket", () -> {  // loopback, closed port: refused at once, nothing leaves the machine
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", 9), 500);
            }
            return "connected";
        });
        probe("channel", () -> {
            try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open()) {
                return ch.connect(new java.net.InetSocketAddress("127.0.0.1", 9));
            }
        });
        probe("datagram", () -> {
            try (java.net.DatagramSocket ds = new java.net.DatagramSocket()) {
                ds.send(new java.net.DatagramPacket(new byte[] {0}, 1, InetAddress.getByName("127.0.0.1"), 9));
            }
            return "sent";
        });
        probe("caps", () -> cm.getNetworkCapabilities(cm.getActiveNetwork()).hasTransport(1));
    }

    private void location() {
        LocationManager lm = (LocationManager) getSystemService(Context.LOCATION_SERVICE);
        probe("location", () -> {
            Location l = lm.getLastKnownLocation(LocationManager.GPS_PROVIDER);
            return l.getLatitude() + "," + l.getLongitude() + " alt " + l.getAltitude() + " acc " + l.getAccuracy()
                    + " speed " + l.getSpeed() + " bearing " + l.getBearing();
        });
        android.location.LocationListener listener = loc -> { };
        probe("updates", () -> {
            lm.requestLocationUpdates(LocationManager.GPS_PROVIDER, 60000L, 0f, listener);
            lm.removeUpdates(listener);
            return "requested";
        });
        probe("single_update", () -> {
            lm.requestSingleUpdate(LocationManager.NETWORK_PROVIDER, listener, null);
            lm.removeUpdates(listener);
            return "requested";
        });
        probe("current", () -> {
            lm.getCurrentLocation(LocationManager.GPS_PROVIDER, null, Runnable::run, loc -> { });
            return "requested";
        });
        probe("best_provider", () -> lm.getBestProvider(new Criteria(), true));
        probe("providers", () -> lm.getProviders(true));
        GnssStatus.Callback gnss = new GnssStatus.Callback() {};
        probe("gnss", () -> lm.registerGnssStatusCallback(gnss, null));
        lm.unregisterGnssStatusCallback(gnss);
        Geocoder g = new Geocoder(this, Locale.CHINA);
        probe("geocode", () -> g.getFromLocation(31.2304, 121.4737, 1));
        probe("geocode_name", () -> g.getFromLocationName("People's Square", 1));
    }

    private void personal() {
        query("contacts", ContactsContract.Contacts.CONTENT_URI);
        query("sms", Telephony.Sms.CONTENT_URI);
        query("call_log", CallLog.Calls.CONTENT_URI);
        query("calendar", CalendarContract.Events.CONTENT_URI);
        query("media", MediaStore.Images.Media.EXTERNAL_CONTENT_URI);
        query("bookmarks", Uri.parse("content://browser/bookmarks"));
        probe("calendar_instances", () -> CalendarContract.Instances.query(getContentResolver(), null, 0L, 1L).getCount());
        probe("bitmap", () -> MediaStore.Images.Media.getBitmap(getContentResolver(), Uri.parse("content://media/external/images/media/1")));
        probe("storage", Environment::getExternalStorageDirectory);
        ContentObserver obs = new ContentObserver(null) {};
        probe("observe_sms", () -> {
            getContentResolver().registerContentObserver(Telephony.Sms.CONTENT_URI, true, obs);
            return "watching";
        });
        getContentResolver().unregisterContentObserver(obs);
        probe("insert_contact", () -> getContentResolver().insert(ContactsContract.Contacts.CONTENT_URI, new ContentValues()));
        ClipboardManager cb = (ClipboardManager) getSystemService(Context.CLIPBOARD_SERVICE);
        probe("clip_set", () -> {
            cb.setPrimaryClip(ClipData.newPlainText("probe", "dynscan probe clip"));
            return "set";
        });
        probe("clip_has", cb::hasPrimaryClip);
        probe("clip_desc", cb::getPrimaryClipDescription);
        probe("clipboard", cb::getPrimaryClip);
        probe("clip_text", cb::getText);
        AccountManager am = AccountManager.get(this);
        probe("accounts", () -> am.getAccounts().length);
        probe("accounts_google", () -> am.getAccountsByType("com.google").length);
        probe("accounts_for_package", () -> am.getAccountsByTypeForPackage("com.google", getPackageName()).length);
        Account a = new Account("probe@example.com", "com.google");
        probe("user_data", () -> am.getUserData(a, "k"));
        probe("password", () -> am.getPassword(a));
        probe("peek_token", () -> am.peekAuthToken(a, "oauth2"));
        probe("auth_token", () -> am.getAuthToken(a, "oauth2", null, this, null, null).isDone());
    }

    private void apps() {
        PackageManager pm = getPackageManager();
        probe("app_list", () -> pm.getInstalledPackages(0).size());
        probe("app_list_apps", () -> pm.getInstalledApplications(0).size());
        probe("launchers", () -> pm.queryIntentActivities(new Intent(Intent.ACTION_MAIN), 0).size());
        probe("services", () -> pm.queryIntentServices(new Intent("android.intent.action.probe"), 0).size());
        probe("other_package", () -> pm.getPackageInfo("com.android.settings", 0).versionName);
        probe("other_package_user", () -> {
            java.lang.reflect.Method m = pm.getClass().getMethod("getPackageInfoAsUser", String.class, int.class, int.class);
            m.setAccessible(true);
            return ((android.content.pm.PackageInfo) m.invoke(pm, "com.android.settings", 0, 0)).packageName;
        });
        probe("other_app_info", () -> pm.getApplicationInfo("com.android.settings", 0).packageName);
        probe("installer", () -> pm.getInstallerPackageName("com.android.settings"));
        probe("launch_intent", () -> pm.getLaunchIntentForPackage("com.android.settings") != null);
        probe("for_uid", () -> java.util.Arrays.toString(pm.getPackagesForUid(android.os.Process.myUid())));
        ActivityManager am = (ActivityManager) getSystemService(Context.ACTIVITY_SERVICE);
        probe("running", () -> am.getRunningAppProcesses().size());
        probe("tasks", () -> am.getRunningTasks(1).size());
        probe("recent", () -> am.getRecentTasks(1, 0).size());
        probe("running_services", () -> am.getRunningServices(10).size());
        UsageStatsManager us = (UsageStatsManager) getSystemService(Context.USAGE_STATS_SERVICE);
        probe("usage", () -> us.queryUsageStats(UsageStatsManager.INTERVAL_DAILY, 0L, System.currentTimeMillis()).size());
        probe("usage_events", () -> us.queryEvents(0L, System.currentTimeMillis()).hasNextEvent());
    }

    private void hardware() {
        probe("camera", () -> {
            Camera c = Camera.open();
            c.startPreview();
            c.takePicture(null, null, null);
            c.release();
            return "opened";
        });
        android.hardware.camera2.CameraManager cam2 =
                (android.hardware.camera2.CameraManager) getSystemService(Context.CAMERA_SERVICE);
        probe("camera2", () -> {
            cam2.openCamera("0", new android.hardware.camera2.CameraDevice.StateCallback() {
                @Override public void onOpened(android.hardware.camera2.CameraDevice camera) { camera.close(); }

                @Override public void onDisconnected(android.hardware.camera2.CameraDevice camera) {}

                @Override public void onError(android.hardware.camera2.CameraDevice camera, int error) {}
            }, null);
            return "opened";
        });
        probe("audio_record", () -> {
            android.media.AudioRecord r = new android.media.AudioRecord(MediaRecorder.AudioSource.MIC, 16000, 16, 2, 3584);
            r.startRecording();
            r.stop();
            r.release();
            return "recorded";
        });
        probe("microphone", () -> {
            MediaRecorder r = new MediaRecorder();
            r.setAudioSource(MediaRecorder.AudioSource.MIC);
            r.setVideoSource(MediaRecorder.VideoSource.CAMERA);
            r.prepare();
            r.start();
            r.stop();
            r.release();
            return "recorded";
        });
        SensorManager sm = (SensorManager) getSystemService(Context.SENSOR_SERVICE);
        SensorEventListener l = new SensorEventListener() {
            @Override public void onSensorChanged(SensorEvent event) {}

            @Override public void onAccuracyChanged(Sensor sensor, int accuracy) {}
        };
        probe("sensors", () -> sm.getSensorList(Sensor.TYPE_ALL).size());
        probe("sensor", () -> sm.registerListener(l, sm.getDefaultSensor(Sensor.TYPE_ACCELEROMETER),
                SensorManager.SENSOR_DELAY_NORMAL));
        sm.unregisterListener(l);
    }

    private void system() {
        probe("sys_net", () -> {
            try (FileInputStream in = new FileInputStream("/sys/class/net/lo/address")) {
                return in.read();
            }
        });
        probe("proc", () -> {
            try (RandomAccessFile f = new RandomAccessFile("/proc/self/status", "r")) {
                return f.readLine();
            }
        });
        probe("exec", () -> Runtime.getRuntime().exec(new String[] {"getprop", "ro.serialno"}).waitFor());
        probe("process_builder", () -> new ProcessBuilder("true").start().waitFor());
        probe("dex_loader", () -> new DexClassLoader(getCacheDir() + "/plugin.jar", getCacheDir().getPath(), null, getClassLoader())
                .getClass().getName());
        probe("dex_memory", () -> new InMemoryDexClassLoader(ByteBuffer.allocate(0), getClassLoader()).getClass().getName());
        probe("dex_file", () -> DexFile.loadDex(getCacheDir() + "/plugin.dex", null, 0));
        probe("dex_open", () -> new DexFile(getCacheDir() + "/plugin.dex"));
        probe("load_library", () -> {
            System.loadLibrary("dynscanprobe");
            return "loaded";
        });
        probe("load", () -> {
            System.load("/nonexistent/libdynscanprobe.so");
            return "loaded";
        });
        WebView w = new WebView(this);
        probe("webview_js", () -> {
            w.addJavascriptInterface(new Bridge(), "probe");
            w.evaluateJavascript("1+1", null);
            return "bridged";
        });
        probe("webview_load", () -> {
            w.loadUrl("https://probe.dynscan.invalid/");
            w.postUrl("https://probe.dynscan.invalid/post", new byte[0]);
            w.loadDataWithBaseURL("https://probe.dynscan.invalid/", "<p>probe</p>", "text/html", "utf-8", null);
            return "loaded";
        });
    }

    private void consentSignals() {
        SharedPreferences p = getSharedPreferences(getPackageName() + "_preferences", MODE_PRIVATE);
        p.edit().putString("IABTCF_TCString", "CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA").putInt("IABTCF_gdprApplies", 1)
                .putString("probe_other", "not a consent key").apply();
        probe("tcf", () -> p.getString("IABTCF_TCString", null) + " " + p.getInt("IABTCF_gdprApplies", 0)
                + " " + p.getString("probe_other", null));
    }
}
