package dev.odoobridge.client.internal.http;

import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link HttpClient} (HTTP/1.1, keep-alive, connect timeout from the config) that sends
 * requests to one Odoo server and hands each response body, capped at
 * {@link OdooConfig#maxResponseBytes()}, to a {@link BodyReader}. Thread-safe.
 * Failures become {@link OdooTransportException}s whose messages name the URL path, never a header
 * value, so credentials carried in headers stay out of messages and logs.
 */
public final class HttpChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpChannel.class);

    private final HttpClient client;
    private final URI base;
    private final OdooConfig config;

    /** A channel to {@code config.url()}. */
    public HttpChannel(OdooConfig config) {
        this.config = Objects.requireNonNull(config, "config == null");
        String url = config.url().toString();
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Reads one response body. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /**
         * Reads the body; the stream fails with {@link ResponseTooLargeException} past the cap.
         * Readers report protocol problems by throwing an {@code OdooException} directly.
         *
         * @param status HTTP status
         * @param contentType the Content-Type header, or "" when absent
         * @param body the body stream, closed by the caller
         */
        T read(int status, String contentType, InputStream body) throws IOException;
    }

    /** POSTs a JSON body to {@code path} with extra headers and reads the answer. */
    public <T> T postJson(String path, byte[] json, Map<String, String> headers, BodyReader<T> reader) {
        HttpRequest.Builder b = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(b::header);
        return send(path, b.build(), reader);
    }

    /** GETs {@code path} and reads the answer. */
    public <T> T get(String path, BodyReader<T> reader) {
        return send(path, request(path).GET().build(), reader);
    }

    /** The server's base URL without a trailing slash. */
    public URI base() {
        return base;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.requestTimeout())
                .header("Accept", "application/json");
    }

    private <T> T send(String path, HttpRequest request, BodyReader<T> reader) {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw translate(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdooTransportException(Kind.INTERRUPTED, 0, "interrupted while calling " + path, e);
        } catch (UnresolvedAddressException e) {
            throw new OdooTransportException(Kind.CONNECT, 0,
                    "cannot resolve the host of " + base + " (" + path + "); check the url", e);
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream body = response.body()) {
            if (declared > config.maxResponseBytes()) {
                throw tooLarge(path, declared + " bytes announced");
            }
            return readBody(path, response.statusCode(), contentType, body, reader);
        } catch (IOException e) {
            throw translate(path, e);
        }
    }

    /**
     * Hands {@code body}, capped at {@link OdooConfig#maxResponseBytes()}, to {@code reader}: passing
     * the cap is RESPONSE_TOO_LARGE, an I/O failure of the stream a connection kind, any other
     * IOException of the reader (bytes it cannot decode) MALFORMED_RESPONSE; what the reader throws
     * as an {@code OdooException} passes unchanged. The caller closes {@code body}.
     */
    public <T> T readBody(String path, int status, String contentType, InputStream body, BodyReader<T> reader) {
        long max = config.maxResponseBytes();
        CappedInputStream capped = new CappedInputStream(body, max);
        try {
            return reader.read(status, contentType, capped);
        } catch (ResponseTooLargeException e) {
            throw tooLarge(path, "more than " + max + " bytes received");
        } catch (IOException e) {
            if (capped.sourceFailed()) {
                throw translate(path, e);
            }
            // the bytes arrived but a decoder could not read them (e.g. broken UTF-32)
            throw new OdooTransportException(Kind.MALFORMED_RESPONSE, status, "the answer of " + path
                    + " cannot be decoded (" + e.getMessage() + "); check that the url points at an Odoo server", e);
        }
    }

    private OdooTransportException tooLarge(String path, String detail) {
        return new OdooTransportException(Kind.RESPONSE_TOO_LARGE, 0, "response to " + path + " exceeds maxResponseBytes="
                + config.maxResponseBytes() + " (" + detail + "); page the call (limit/offset or stream) or raise the cap", null);
    }

    private OdooTransportException translate(String path, IOException e) {
        String where = base + path;
        if (e instanceof HttpConnectTimeoutException) {
            return new OdooTransportException(Kind.TIMEOUT, 0, "connect to " + where + " timed out after "
                    + config.connectTimeout().toMillis() + " ms", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new OdooTransportException(Kind.TIMEOUT, 0, "request to " + where + " timed out after "
                    + config.requestTimeout().toMillis() + " ms", e);
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException
                || e.getCause() instanceof UnresolvedAddressException) {
            return new OdooTransportException(Kind.CONNECT, 0, "cannot connect to " + where + ": " + e, e);
        }
        return new OdooTransportException(Kind.CONNECTION_RESET, 0, "connection to " + where
                + " failed mid-exchange: " + e, e);
    }

    /** Releases the HTTP client's connections (on JDK 21+, where HttpClient is closeable). Never throws. */
    @Override
    public void close() {
        Object c = client;
        if (c instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing the HTTP client of {} failed", base, e);
            }
        }
    }
}
