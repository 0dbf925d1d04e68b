package dev.odoobridge.serve.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes JSON answers and RFC 9457 problems ({@code application/problem+json}) with a
 * {@code Content-Length}, so headers and body leave in one write.
 */
public final class HttpAnswers {
    /** The mapper for every JSON answer (instants as ISO-8601 text). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private HttpAnswers() {
    }

    /** Writes {@code body} as JSON with this status and completes the callback. */
    public static void json(Response response, Callback callback, int status, Object body) {
        write(response, callback, status, "application/json", bytes(body));
    }

    /** Writes bytes with this status and content type and completes the callback. */
    public static void write(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Writes a problem: {@code type} is {@code about:blank} with the status's standard title unless
     * {@code title} is given; {@code detail} says what went wrong for this request.
     */
    public static void problem(Response response, Callback callback, int status, String title, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title != null ? title : reason(status));
        p.put("status", status);
        if (detail != null) {
            p.put("detail", detail);
        }
        write(response, callback, status, "application/problem+json", bytes(p));
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
