package dev.odoobridge.sync.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Sends posts to a receiver or straight to an intake, and the real Odoo 19 posts from the recordings. */
public final class Posts {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private Posts() {
    }

    /** Bodies of the captured Odoo posts, in arrival order. */
    public static List<String> captured() {
        try {
            JsonNode all = new ObjectMapper().readTree(
                    Files.readString(Path.of("../odoo-recordings/webhooks/captured-posts.json")));
            List<String> bodies = new ArrayList<>();
            all.forEach(p -> bodies.add(p.get("body").asText()));
            return bodies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands a POST to the intake without HTTP. */
    public static WebhookAnswer receive(WebhookIntake intake, String source, String token, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return intake.receive(new WebhookPost(source, token, "POST", h -> null,
                java.util.OptionalLong.of(bytes.length), false, limit -> bytes));
    }

    public static HttpResponse<String> post(int port, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
