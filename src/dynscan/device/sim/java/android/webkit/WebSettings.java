package android.webkit;

/** Settings of one WebView. */
public abstract class WebSettings {
    public abstract void setJavaScriptEnabled(boolean flag);
    public abstract boolean getJavaScriptEnabled();
    public abstract void setUserAgentString(String ua);
    public abstract String getUserAgentString();
}
