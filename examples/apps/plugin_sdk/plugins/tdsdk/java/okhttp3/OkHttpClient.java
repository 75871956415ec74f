package okhttp3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * OkHttp's client, reduced to the calls the sample makes. The real library opens its own sockets; this one
 * sends through HttpURLConnection, so only the hook on newCall (the API apps and SDKs call) is OkHttp's.
 */
public class OkHttpClient {
    public Call newCall(final Request request) {
        return new Call() {
            @Override public Response execute() throws IOException {
                HttpURLConnection c = (HttpURLConnection) new URL(request.url().toString()).openConnection();
                if (request.body != null) {
                    c.setRequestMethod("POST");
                    c.setDoOutput(true);
                    if (request.body.type != null) c.setRequestProperty("Content-Type", request.body.type.toString());
                    try (OutputStream out = c.getOutputStream()) {
                        out.write(request.body.bytes);
                    }
                }
                int code = c.getResponseCode();
                try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                    if (in != null) while (in.read() >= 0) { /* drain */ }
                }
                c.disconnect();
                return new Response(code);
            }
        };
    }
}
