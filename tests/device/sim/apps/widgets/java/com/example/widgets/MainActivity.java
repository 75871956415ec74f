package com.example.widgets;

import android.app.Activity;
import android.app.Dialog;
import android.graphics.Color;
import android.os.Bundle;
import android.text.SpannableStringBuilder;
import android.text.Spanned;
import android.text.method.LinkMovementMethod;
import android.text.style.ClickableSpan;
import android.text.style.ForegroundColorSpan;
import android.view.Gravity;
import android.view.View;
import android.view.ViewGroup;
import android.view.Window;
import android.widget.CheckBox;
import android.widget.CompoundButton;
import android.widget.FrameLayout;
import android.widget.ImageButton;
import android.widget.ImageView;
import android.widget.LinearLayout;
import android.widget.RelativeLayout;
import android.widget.ScrollView;
import android.widget.TextView;

/** A custom privacy dialog made the way many apps make it: clickable layouts holding text, an icon. */
public class MainActivity extends Activity {
    private TextView status;

    @Override protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        FrameLayout root = new FrameLayout(this);
        status = new TextView(this);
        status.setId(R.id.status);
        status.setText("waiting");
        root.addView(status);
        ImageButton settings = new ImageButton(this);
        settings.setId(R.id.btn_settings);
        settings.setContentDescription("Settings");
        settings.setOnClickListener(v -> status.setText("settings"));
        root.addView(settings, new FrameLayout.LayoutParams(132, 132, Gravity.TOP | Gravity.END));
        setContentView(root);
        showPolicy();
    }

    private void showPolicy() {
        final Dialog dialog = new Dialog(this);
        dialog.requestWindowFeature(Window.FEATURE_NO_TITLE);
        dialog.setCancelable(false);
        LinearLayout box = new LinearLayout(this);
        box.setOrientation(LinearLayout.VERTICAL);

        RelativeLayout head = new RelativeLayout(this);
        TextView title = new TextView(this);
        title.setId(R.id.tv_title);
        title.setText("个人信息保护指引");
        head.addView(title);
        ImageView close = new ImageView(this);
        close.setId(R.id.iv_close);
        close.setContentDescription("关闭");
        close.setOnClickListener(v -> {
            status.setText("closed");
            dialog.dismiss();
        });
        RelativeLayout.LayoutParams corner = new RelativeLayout.LayoutParams(96, 96);
        corner.addRule(RelativeLayout.ALIGN_PARENT_TOP);
        corner.addRule(RelativeLayout.ALIGN_PARENT_END);
        head.addView(close, corner);
        box.addView(head);

        ScrollView scroll = new ScrollView(this);
        TextView content = new TextView(this);
        content.setId(R.id.tv_content);
        SpannableStringBuilder text = new SpannableStringBuilder("请您务必审慎阅读、充分理解");
        text.append("《用户协议》", new ClickableSpan() {
            @Override public void onClick(View widget) { status.setText("terms"); }
        }, Spanned.SPAN_EXCLUSIVE_EXCLUSIVE);
        text.append("和");
        text.append("《隐私政策》", new ForegroundColorSpan(Color.parseColor("#1E88E5")), Spanned.SPAN_EXCLUSIVE_EXCLUSIVE);
        text.append("各条款。");
        content.setText(text);
        content.setMovementMethod(LinkMovementMethod.getInstance());
        scroll.addView(content);
        box.addView(scroll);

        CheckBox agreeBox = new CheckBox(this);
        agreeBox.setId(R.id.cb_agree);
        agreeBox.setText("我已阅读并同意");
        box.addView(agreeBox);

        LinearLayout row = new LinearLayout(this);
        row.setOrientation(LinearLayout.HORIZONTAL);
        row.addView(choice(R.id.ll_disagree, "不同意", v -> {
            status.setText("declined");
            dialog.dismiss();
        }));
        row.addView(choice(R.id.ll_agree, "同意", v -> {
            status.setText(agreeBox.isChecked() ? "agreed" : "agreed without the box");
            dialog.dismiss();
        }));
        box.addView(row, new LinearLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT,
                ViewGroup.LayoutParams.WRAP_CONTENT));
        dialog.setContentView(box);
        dialog.getWindow().setBackgroundDrawableResource(android.R.color.transparent);
        dialog.getWindow().setGravity(Gravity.CENTER);
        dialog.show();
    }

    /** A clickable layout with a label inside: the label itself has no click listener. */
    private LinearLayout choice(int id, String label, View.OnClickListener listener) {
        LinearLayout cell = new LinearLayout(this);
        cell.setId(id);
        TextView text = new TextView(this);
        text.setText(label);
        cell.addView(text);
        cell.setOnClickListener(listener);
        return cell;
    }
}
