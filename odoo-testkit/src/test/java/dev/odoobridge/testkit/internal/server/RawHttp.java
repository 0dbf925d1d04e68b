package dev.odoobridge.testkit.internal.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain java.net.http calls against a server, for wire-level assertions. */
final class RawHttp {
    record Response(int status, String contentType, String body, HttpResponse<String> raw) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    RawHttp(URI base) {
        this.base = base;
    }

    Response post(String path, String contentType, String body, String... headers) throws IOException, InterruptedException {
        return post(path, contentType, body, Duration.ofSeconds(20), headers);
    }

    Response post(String path, String contentType, String body, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return wrap(client.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Response get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return wrap(client.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Response wrap(HttpResponse<String> r) {
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), r);
    }
}
