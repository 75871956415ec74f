package com.umeng.pinned;

import android.content.Context;
import android.telephony.TelephonyManager;
import android.util.Log;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Sends the IMEI to its server over a pinned TLS connection that bypasses the system proxy: only the
 * certificate whose SHA-256 is the pin is accepted, so an intercepting proxy never sees the request.
 */
public final class PinnedUploader {
    private PinnedUploader() {}

    /** {@code target} is "https://host:port/path|sha256-hex-of-the-server-certificate". */
    public static void upload(Context context, String target) {
        String[] parts = target.split("\\|", 2);
        TelephonyManager tm = (TelephonyManager) context.getSystemService(Context.TELEPHONY_SERVICE);
        String body = "imei=" + tm.getImei();
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new Pin(parts[1])}, null);
            HttpsURLConnection c = (HttpsURLConnection) new URL(parts[0]).openConnection(Proxy.NO_PROXY);
            c.setSSLSocketFactory(tls.getSocketFactory());
            c.setHostnameVerifier((host, session) -> true);  // the pin is the check
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int code = c.getResponseCode();
            try (InputStream in = c.getInputStream()) {
                in.readAllBytes();
            }
            Log.i("UMPin", "upload -> " + code);
        } catch (Exception e) {
            Log.w("UMPin", "upload failed: " + e);
        }
    }

    private static final class Pin implements X509TrustManager {
        private final String sha256;

        Pin(String sha256) { this.sha256 = sha256.trim().toLowerCase(); }

        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
                StringBuilder hex = new StringBuilder();
                for (byte b : d) hex.append(String.format("%02x", b));
                if (!hex.toString().equals(sha256)) throw new CertificateException("certificate pin mismatch");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new CertificateException(e);
            }
        }

        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
