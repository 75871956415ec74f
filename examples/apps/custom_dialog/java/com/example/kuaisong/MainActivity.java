package com.example.kuaisong;

import android.Manifest;
import android.app.Activity;
import android.app.Dialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.content.pm.PackageInfo;
import android.content.pm.PackageManager;
import android.location.LocationManager;
import android.os.Bundle;
import android.view.View;
import android.view.ViewGroup;
import android.widget.LinearLayout;
import android.widget.ScrollView;
import android.widget.TextView;
import java.util.List;

/**
 * The privacy dialog is a custom Dialog: a title, the text in a ScrollView, and two clickable
 * LinearLayouts each holding a TextView ("不同意" / "同意并继续"). Refused, the app stays in browse mode,
 * remembers it, and reads the installed app list "for recommendations". Accepted, it asks for location.
 */
public class MainActivity extends Activity {
    static final int REQ_LOCATION = 4;
    private SharedPreferences prefs;
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("kuaisong", Context.MODE_PRIVATE);
        LinearLayout root = new LinearLayout(this);
        root.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("快送外卖");
        root.addView(title);
        status = new TextView(this);
        root.addView(status);
        setContentView(root);
        String privacy = prefs.getString("privacy", null);
        if (privacy == null) showGuide();
        else if (privacy.equals("declined")) browse();
        else askLocation();
    }

    private void showGuide() {
        final Dialog dialog = new Dialog(this);
        dialog.setCancelable(false);
        LinearLayout box = new LinearLayout(this);
        box.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("个人信息保护指引");
        box.addView(title);
        ScrollView scroll = new ScrollView(this);
        TextView content = new TextView(this);
        content.setText("欢迎使用快送外卖！在您使用前，请务必审慎阅读《用户服务协议》和《隐私政策》。"
                + "我们会根据您的授权收集位置信息，用于为您推荐附近商家。");
        scroll.addView(content);
        box.addView(scroll);
        LinearLayout row = new LinearLayout(this);
        row.setOrientation(LinearLayout.HORIZONTAL);
        row.addView(choice("不同意", v -> {
            dialog.dismiss();
            prefs.edit().putString("privacy", "declined").apply();
            browse();
        }));
        row.addView(choice("同意并继续", v -> {
            dialog.dismiss();
            prefs.edit().putString("privacy", "accepted").apply();
            askLocation();
        }));
        box.addView(row, new LinearLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT,
                ViewGroup.LayoutParams.WRAP_CONTENT));
        dialog.setContentView(box);
        dialog.show();
    }

    /** A clickable layout holding its label: the TextView itself has no listener. */
    private LinearLayout choice(String label, View.OnClickListener listener) {
        LinearLayout cell = new LinearLayout(this);
        TextView text = new TextView(this);
        text.setText(label);
        cell.addView(text);
        cell.setOnClickListener(listener);
        return cell;
    }

    private void browse() {
        List<PackageInfo> apps = getPackageManager().getInstalledPackages(0);
        status.setText("浏览模式 · 为您推荐 " + apps.size() + " 家店");
    }

    private void askLocation() {
        if (checkSelfPermission(Manifest.permission.ACCESS_COARSE_LOCATION) == PackageManager.PERMISSION_GRANTED) {
            nearby();
        } else {
            requestPermissions(new String[] {Manifest.permission.ACCESS_COARSE_LOCATION}, REQ_LOCATION);
        }
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] grantResults) {
        if (grantResults.length > 0 && grantResults[0] == PackageManager.PERMISSION_GRANTED) nearby();
        else status.setText("请手动选择收货地址");
    }

    private void nearby() {
        LocationManager lm = (LocationManager) getSystemService(Context.LOCATION_SERVICE);
        status.setText(lm.getLastKnownLocation(LocationManager.NETWORK_PROVIDER) != null ? "附近商家" : "定位中");
    }
}
