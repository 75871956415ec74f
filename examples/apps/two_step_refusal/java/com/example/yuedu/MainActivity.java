package com.example.yuedu;

import android.app.Activity;
import android.app.AlertDialog;
import android.content.Context;
import android.content.SharedPreferences;
import android.os.Bundle;
import android.widget.LinearLayout;
import android.widget.TextView;

/**
 * The usual Chinese first-start flow: 《用户协议》《隐私政策》 with 同意 / 不同意; 不同意 opens a second
 * "温馨提示" dialog whose 仍不同意 quits the app (its 同意并继续 goes back to accepting).
 */
public class MainActivity extends Activity {
    private SharedPreferences prefs;
    private TextView status;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        prefs = getSharedPreferences("yuedu", Context.MODE_PRIVATE);
        LinearLayout root = new LinearLayout(this);
        root.setOrientation(LinearLayout.VERTICAL);
        TextView title = new TextView(this);
        title.setText("悦读 · 每日好书");
        root.addView(title);
        status = new TextView(this);
        root.addView(status);
        setContentView(root);
        if (!prefs.getBoolean("agreed", false)) showAgreement();
        else status.setText("今日推荐：《三体》");
    }

    private void showAgreement() {
        new AlertDialog.Builder(this)
                .setTitle("用户协议与隐私政策")
                .setMessage("欢迎使用悦读！我们依据《用户协议》和《隐私政策》处理您的个人信息。请您仔细阅读，点击“同意”即表示您已阅读并同意。")
                .setPositiveButton("同意", (d, w) -> agree())
                .setNegativeButton("不同意", (d, w) -> confirmRefusal())
                .setCancelable(false)
                .show();
    }

    private void confirmRefusal() {
        new AlertDialog.Builder(this)
                .setTitle("温馨提示")
                .setMessage("您需要同意《隐私政策》后才能使用悦读的服务。若您仍不同意，将退出应用。")
                .setPositiveButton("同意并继续", (d, w) -> agree())
                .setNegativeButton("仍不同意", (d, w) -> finish())
                .setCancelable(false)
                .show();
    }

    private void agree() {
        prefs.edit().putBoolean("agreed", true).apply();
        status.setText("今日推荐：《三体》");
    }
}
