package android.webkit;

import android.app.ActivityThread;
import android.content.Context;
import android.view.View;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows web pages. The virtual device has no browser engine: it records what the app asks for
 * (pages, scripts, Java objects exposed to pages) in its log and answers scripts with "null".
 */
public class WebView extends View {
    private final Map<String, Object> bridges = new LinkedHashMap<>();
    private String url;
    private final WebSettings settings = new WebSettings() {
        private boolean js;
        private String ua = "Mozilla/5.0 (Linux; Android 13; Pixel 5; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.0.0 Mobile Safari/537.36";

        @Override public void setJavaScriptEnabled(boolean flag) { js = flag; }
        @Override public boolean getJavaScriptEnabled() { return js; }
        @Override public void setUserAgentString(String s) { ua = s; }
        @Override public String getUserAgentString() { return ua; }
    };

    public WebView(Context context) { super(context); }

    public WebSettings getSettings() { return settings; }

    public void loadUrl(String url) { loadUrl(url, new LinkedHashMap<>()); }

    public void loadUrl(String url, Map<String, String> additionalHttpHeaders) {
        this.url = url;
        ActivityThread.note("webview_load", "url", url);
    }

    public void postUrl(String url, byte[] postData) {
        this.url = url;
        ActivityThread.note("webview_load", "url", url, "post", postData == null ? 0 : postData.length);
    }

    public void loadDataWithBaseURL(String baseUrl, String data, String mimeType, String encoding, String historyUrl) {
        this.url = baseUrl;
        ActivityThread.note("webview_load", "url", String.valueOf(baseUrl));
    }

    public void addJavascriptInterface(Object object, String name) {
        bridges.put(name, object);
        ActivityThread.note("webview_bridge", "name", name, "class", object.getClass().getName());
    }

    public void removeJavascriptInterface(String name) { bridges.remove(name); }

    public void evaluateJavascript(String script, ValueCallback<String> resultCallback) {
        if (resultCallback != null) resultCallback.onReceiveValue("null");
    }

    public String getUrl() { return url; }

    public void destroy() { bridges.clear(); }
}
