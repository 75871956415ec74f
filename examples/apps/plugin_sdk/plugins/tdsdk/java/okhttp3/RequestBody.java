package okhttp3;

import java.nio.charset.StandardCharsets;

public final class RequestBody {
    final byte[] bytes;
    final MediaType type;

    private RequestBody(byte[] bytes, MediaType type) {
        this.bytes = bytes;
        this.type = type;
    }

    public static RequestBody create(String content, MediaType type) {
        return new RequestBody(content.getBytes(StandardCharsets.UTF_8), type);
    }
}
