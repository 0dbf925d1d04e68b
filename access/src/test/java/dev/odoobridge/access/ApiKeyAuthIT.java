package dev.odoobridge.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.sync.state.SharedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The auth wrapper over a real Jetty on a free port: 401, 403, 429, CORS, and the scope handed on. */
class ApiKeyAuthIT {
    static final String SOURCE = SharedPostgres.uniqueSource("auth");
    static final AtomicLong NANOS = new AtomicLong();
    static Server server;
    static HttpClient http;
    static String base;
    static ApiKeys keys;
    static CreatedApiKey key;
    static CreatedApiKey vendorKey;
    static CreatedApiKey limitedKey;

    @BeforeAll
    static void start() throws Exception {
        keys = ApiKeys.of(SharedPostgres.database());
        key = keys.create(NewApiKey.builder(SOURCE).corsOrigins(List.of("https://app.example")).label("t").build());
        vendorKey = keys.create(NewApiKey.builder(SOURCE).vendor(9).build());
        limitedKey = keys.create(NewApiKey.builder(SOURCE).build());
        RateLimiter limiter = new RateLimiter(new RateLimit(1, 2), NANOS::get);
        Handler echo = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String body = ApiKeyAuth.scope(request).map(ApiScope::toString).orElse("no scope");
                response.setStatus(200);
                response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        };
        ApiKeyAuth auth = ApiKeyAuth.builder(keys).pathPrefix("/api/v1/").rateLimiter(limiter)
                .openPaths("openapi.json"::equals).corsOrigins(List.of("https://everyone.example")).handler(echo).build();
        server = new Server();
        ServerConnector c = new ServerConnector(server);
        c.setPort(0);
        server.addConnector(c);
        server.setHandler(auth);
        server.start();
        base = "http://127.0.0.1:" + c.getLocalPort() + "/api/v1/";
        http = HttpClient.newHttpClient();
    }

    @BeforeEach
    void refillEveryBucket() {
        NANOS.addAndGet(3_600_000_000_000L);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void missingKeyIs401ProblemJson() throws Exception {
        HttpResponse<String> r = get(SOURCE + "/products");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(r.body()).contains("\"status\":401");
    }

    @Test
    void unknownWrongOrRevokedKeyIs401() throws Exception {
        assertThat(get(SOURCE + "/p", "Authorization", "Bearer nonsense").statusCode()).isEqualTo(401);
        String t = key.token();
        String wrong = t.substring(0, t.length() - 2) + (t.endsWith("AA") ? "BB" : "AA");
        assertThat(get(SOURCE + "/p", "Authorization", "Bearer " + wrong).statusCode()).isEqualTo(401);
        assertThat(get(SOURCE + "/p", "Authorization", "Basic " + t).statusCode()).isEqualTo(401);
        CreatedApiKey doomed = keys.create(NewApiKey.builder(SOURCE).build());
        assertThat(get(SOURCE + "/p", "Authorization", "Bearer " + doomed.token()).statusCode()).isEqualTo(200);
        keys.revoke(doomed.key().id());
        HttpResponse<String> r = get(SOURCE + "/p", "Authorization", "Bearer " + doomed.token());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }

    @Test
    void validKeyPassesItsScopeOn() throws Exception {
        HttpResponse<String> r = get(SOURCE + "/products", "Authorization", "Bearer " + key.token());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(ApiScope.ofSource(SOURCE).toString());
        HttpResponse<String> v = get(SOURCE + "/products", "X-Api-Key", vendorKey.token());
        assertThat(v.statusCode()).isEqualTo(200);
        assertThat(v.body()).isEqualTo(ApiScope.ofVendor(SOURCE, 9).toString());
    }

    @Test
    void anotherSourceIs403() throws Exception {
        HttpResponse<String> r = get("other-shop/products", "Authorization", "Bearer " + key.token());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get(SOURCE + "x/products", "Authorization", "Bearer " + key.token()).statusCode()).isEqualTo(403);
    }

    @Test
    void overTheRateIs429WithRetryAfter() throws Exception {
        String auth = "Bearer " + limitedKey.token();
        assertThat(get(SOURCE + "/p", "Authorization", auth).statusCode()).isEqualTo(200);
        assertThat(get(SOURCE + "/p", "Authorization", auth).statusCode()).isEqualTo(200);
        HttpResponse<String> r = get(SOURCE + "/p", "Authorization", auth);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(r.body()).contains("\"status\":429");
        NANOS.addAndGet(1_000_000_000L);
        assertThat(get(SOURCE + "/p", "Authorization", auth).statusCode()).isEqualTo(200);
    }

    @Test
    void openPathsNeedNoKey() throws Exception {
        HttpResponse<String> r = get("openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("no scope");
    }

    @Test
    void corsPerKeyAndServerWide() throws Exception {
        HttpResponse<String> own = get(SOURCE + "/p", "Authorization", "Bearer " + key.token(), "Origin", "https://app.example");
        assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        HttpResponse<String> foreign = get(SOURCE + "/p", "Authorization", "Bearer " + vendorKey.token(),
                "Origin", "https://app.example");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> everyone = get(SOURCE + "/p", "Authorization", "Bearer " + vendorKey.token(),
                "Origin", "https://everyone.example");
        assertThat(everyone.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://everyone.example");

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(base + SOURCE + "/products"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(v -> assertThat(v).contains("Authorization"));
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + SOURCE + "/products"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }
}
