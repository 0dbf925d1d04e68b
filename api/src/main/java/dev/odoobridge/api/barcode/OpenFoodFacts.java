package dev.odoobridge.api.barcode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * OpenFoodFacts' product API ({@code GET /api/v2/product/{code}}), which asks every client to send a
 * User-Agent naming the app and a contact. Codes are sent in the form it indexes (8 or 13 digits,
 * see {@link Gtin#openFoodFactsForm}). An unknown product is a 404 or {@code "status": 0}. Wrap it in
 * {@link CachedExternalProducts}: the service's rate limits are low and change.
 */
public final class OpenFoodFacts implements ExternalProducts {
    /** The public server. */
    public static final URI DEFAULT_BASE = URI.create("https://world.openfoodfacts.org");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String userAgent;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * A client of the server at {@code base}.
     *
     * @param base e.g. {@link #DEFAULT_BASE}
     * @param userAgent {@code AppName/Version (contact@example.com)}, as OpenFoodFacts requires
     * @param timeout connect and request timeout
     */
    public OpenFoodFacts(URI base, String userAgent, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base == null");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent == null");
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("OpenFoodFacts requires a User-Agent naming the app and a contact");
        }
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public Optional<ExternalProduct> lookup(String gtin) {
        Optional<String> code = Gtin.openFoodFactsForm(gtin);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        URI uri = base.resolve("/api/v2/product/" + code.get() + "?fields=code,product_name,brands,quantity,image_url");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ExternalLookupException("OpenFoodFacts did not answer for " + code.get() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalLookupException("interrupted while asking OpenFoodFacts", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new ExternalLookupException("OpenFoodFacts answered HTTP " + response.statusCode() + " for " + code.get());
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ExternalLookupException("OpenFoodFacts answered something that is not JSON for " + code.get(), e);
        }
        if (root.path("status").asInt(0) != 1 || !root.path("product").isObject()) {
            return Optional.empty();
        }
        JsonNode p = root.path("product");
        return Optional.of(new ExternalProduct(root.path("code").asText(code.get()), text(p, "product_name"),
                text(p, "brands"), text(p, "quantity"), text(p, "image_url"), "openfoodfacts"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
