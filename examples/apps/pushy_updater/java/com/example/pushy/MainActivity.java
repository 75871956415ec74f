package com.example.pushy;

import android.Manifest;
import android.app.Activity;
import android.app.AlarmManager;
import android.app.AlertDialog;
import android.app.DownloadManager;
import android.app.PendingIntent;
import android.app.job.JobInfo;
import android.app.job.JobScheduler;
import android.content.ActivityNotFoundException;
import android.content.ComponentName;
import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.content.pm.PackageInstaller;
import android.content.pm.PackageManager;
import android.database.Cursor;
import android.net.Uri;
import android.os.Bundle;
import android.os.SystemClock;
import android.widget.CheckBox;
import android.widget.LinearLayout;
import android.widget.TextView;
import androidx.work.OneTimeWorkRequest;
import androidx.work.WorkManager;
import java.io.IOException;
import com.umeng.commonsdk.UMConfigure;

/**
 * Everything 164号文 lists that happens right after a consent the user hardly gave: the agree box is
 * ticked in advance; once accepted the app asks for the camera with nothing on screen that needs it,
 * downloads an update package silently and opens it for install (and opens an install session), sets an
 * alarm that starts its sync service, a periodic job, a WorkManager request and a repeating alarm that
 * wakes its receiver every 2 s (in the background too), asks WeChat's SDK provider whether WeChat is there,
 * and starts an analytics SDK its policy does not name.
 */
public class MainActivity extends Activity {
    static final int REQ_CAMERA = 3;
    static final String UPDATE_URL = "https://cdn.pushy.example/update/pushy-2.0.apk";
    private SharedPreferences prefs;
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("pushy", Context.MODE_PRIVATE);
        LinearLayout root = new LinearLayout(this);
        root.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("Pushy News");
        root.addView(title);
        status = new TextView(this);
        root.addView(status);
        setContentView(root);
        String privacy = prefs.getString("privacy", null);
        if (privacy == null) {
            showPolicy();
        } else if (privacy.equals("accepted")) {
            status.setText("Today's news");
        } else {
            status.setText("Browsing only");
        }
    }

    private void showPolicy() {
        LinearLayout content = new LinearLayout(this);
        content.setOrientation(LinearLayout.VERTICAL);
        TextView text = new TextView(this);
        text.setText("请您阅读《隐私政策》。我们会收集您的设备信息，用于推送新闻和保障账号安全。");
        content.addView(text);
        CheckBox agree = new CheckBox(this);
        agree.setText("我已阅读并同意《隐私政策》");
        agree.setChecked(true);
        content.addView(agree);
        new AlertDialog.Builder(this)
                .setTitle("隐私政策")
                .setView(content)
                .setPositiveButton("同意", (d, w) -> {
                    prefs.edit().putString("privacy", "accepted").apply();
                    afterConsent();
                })
                .setNegativeButton("不同意", (d, w) -> {
                    prefs.edit().putString("privacy", "declined").apply();
                    status.setText("Browsing only");
                })
                .setCancelable(false)
                .show();
    }

    private void afterConsent() {
        status.setText("Today's news");
        UMConfigure.init(this);
        DownloadManager dm = (DownloadManager) getSystemService(Context.DOWNLOAD_SERVICE);
        dm.enqueue(new DownloadManager.Request(Uri.parse(UPDATE_URL))
                .setMimeType("application/vnd.android.package-archive")
                .setNotificationVisibility(DownloadManager.Request.VISIBILITY_HIDDEN));
        AlarmManager am = (AlarmManager) getSystemService(Context.ALARM_SERVICE);
        PendingIntent sync = PendingIntent.getService(this, 0, new Intent(this, SyncService.class),
                PendingIntent.FLAG_IMMUTABLE);
        am.set(AlarmManager.ELAPSED_REALTIME, SystemClock.elapsedRealtime() + 1000, sync);
        JobScheduler js = (JobScheduler) getSystemService(Context.JOB_SCHEDULER_SERVICE);
        js.schedule(new JobInfo.Builder(7, new ComponentName(this, SyncService.class)).setPeriodic(3600_000).build());
        try {  // and offers the "update" to the installer straight away
            startActivity(new Intent(Intent.ACTION_VIEW).setDataAndType(
                    Uri.parse("file:///sdcard/Download/pushy-2.0.apk"), "application/vnd.android.package-archive"));
        } catch (ActivityNotFoundException e) {
            status.setText("Update downloaded");
        }
        WorkManager.getInstance(this).enqueue(OneTimeWorkRequest.from(PrefetchWorker.class));
        am.setRepeating(AlarmManager.ELAPSED_REALTIME, SystemClock.elapsedRealtime() + 2000, 2000,
                PendingIntent.getBroadcast(this, 1, new Intent(this, WakeReceiver.class), PendingIntent.FLAG_IMMUTABLE));
        Cursor wechat = getContentResolver().query(  // WeChat's SDK provider: is WeChat there, which version
                Uri.parse("content://com.tencent.mm.sdk.comm.provider/checkVersion"), null, null, null, null);
        if (wechat != null) wechat.close();
        openInstallSession();
        if (checkSelfPermission(Manifest.permission.CAMERA) != PackageManager.PERMISSION_GRANTED) {
            requestPermissions(new String[] {Manifest.permission.CAMERA}, REQ_CAMERA);
        }
    }

    /** The "update" handed to the package installer as a session too (REQUEST_INSTALL_PACKAGES). */
    private void openInstallSession() {
        if (!getPackageManager().canRequestPackageInstalls()) return;
        try {
            PackageInstaller installer = getPackageManager().getPackageInstaller();
            int id = installer.createSession(
                    new PackageInstaller.SessionParams(PackageInstaller.SessionParams.MODE_FULL_INSTALL));
            PackageInstaller.Session session = installer.openSession(id);
            session.commit(PendingIntent.getBroadcast(this, 2, new Intent(this, WakeReceiver.class),
                    PendingIntent.FLAG_IMMUTABLE).getIntentSender());
            session.close();
        } catch (IOException | SecurityException e) {
            status.setText("Update postponed");
        }
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {}
}
