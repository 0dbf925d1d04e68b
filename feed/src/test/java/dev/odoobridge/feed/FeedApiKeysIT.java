package dev.odoobridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.access.ApiKeys;
import dev.odoobridge.access.NewApiKey;
import dev.odoobridge.access.RateLimit;
import dev.odoobridge.access.RateLimiter;
import dev.odoobridge.sync.state.SharedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feed behind real API keys: 401, 403 for another source or table, vendor keys see their products, 429. */
class FeedApiKeysIT {
    private final ReadModelDocs rm = new ReadModelDocs();
    private final ApiKeys keys = ApiKeys.of(SharedPostgres.database());
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String shop = SharedPostgres.uniqueSource("shop");
    private final String other = SharedPostgres.uniqueSource("other");
    private Feed feed;
    private Server server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        feed = Feeds.create(rm.config().build());
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new ContextHandler(FeedHandler.withApiKeys(feed, keys, new RateLimiter(new RateLimit(1, 3))),
                "/sync"));
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/sync/";
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        feed.close();
        rm.close();
    }

    private HttpResponse<String> pull(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void keysScopeEveryPullAndNoParameterWidensThem() throws Exception {
        rm.product(shop, 1, "Vendor's", 1.0);
        rm.stock(shop, 1, 2.0, List.of(50L));
        rm.product(shop, 2, "Other's", 1.0);
        rm.stock(shop, 2, 2.0, List.of(60L));
        rm.product(other, 3, "Other source", 1.0);
        String shopKey = keys.create(NewApiKey.builder(shop).build()).token();
        String vendorKey = keys.create(NewApiKey.builder(shop).vendor(50).build()).token();
        String partnersKey = keys.create(NewApiKey.builder(shop).resources(Set.of("partners")).build()).token();

        assertThat(pull(shop + "/pull?last_pulled_at=null", null).statusCode()).isEqualTo(401);
        assertThat(pull(shop + "/pull?last_pulled_at=null", "obk_nope_nope").statusCode()).isEqualTo(401);
        assertThat(pull(other + "/pull?last_pulled_at=null", shopKey).statusCode()).isEqualTo(403);
        assertThat(pull(shop + "/pull?last_pulled_at=null&tables=products", partnersKey).statusCode()).isEqualTo(403);
        assertThat(pull(shop + "/pull?last_pulled_at=null&tables=sale_orders", vendorKey).statusCode()).isEqualTo(403);

        JsonNode all = json.readTree(pull(shop + "/pull?last_pulled_at=null", shopKey).body());
        assertThat(all.at("/changes/products/created")).hasSize(2);
        JsonNode vendor = json.readTree(pull(shop + "/pull?last_pulled_at=null&tables=products", vendorKey).body());
        assertThat(vendor.at("/changes/products/created")).hasSize(1);
        assertThat(vendor.at("/changes/products/created/0/id").asText()).isEqualTo("1");
        assertThat(vendor.get("changes").size()).isEqualTo(1);
        JsonNode partners = json.readTree(pull(shop + "/pull?last_pulled_at=null", partnersKey).body());
        assertThat(partners.get("changes").size()).isEqualTo(1);
        assertThat(partners.get("changes").has("partners")).isTrue();
    }

    @Test
    void noParameterOrPathLetsAKeyReadAnotherSource() throws Exception {
        server.stop();
        server.setHandler(new ContextHandler(FeedHandler.withApiKeys(feed, keys, new RateLimiter(new RateLimit(10_000, 10_000))),
                "/sync"));
        server.start();
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/sync/";
        rm.product(shop, 1, "Mine", 1.0);
        rm.product(other, 3, "SECRET of the other source", 1.0);
        rm.put("res_partner", other, 4, java.util.Map.of("name", "SECRET partner", "is_company", false));
        String key = keys.create(NewApiKey.builder(shop).build()).token();
        java.util.Random random = new java.util.Random(7);
        String[] paths = {shop + "/pull", other + "/pull", shop + "/../" + other + "/pull", shop + "/" + other + "/pull",
            other + "%2Fpull", "x/" + other + "/pull", shop + "/pull/", "/" + other + "/pull", shop.toUpperCase() + "/pull"};
        String[] params = {"source=" + other, "_source=" + other, "tables=products", "tables=products,partners",
            "tables=" + other, "tables=", "last_pulled_at=null", "last_pulled_at=1", "last_pulled_at=-5",
            "last_pulled_at=99999999999", "send_created_as_updated=true", "scope=" + other, "vendor=1"};
        for (int i = 0; i < 300; i++) {
            StringBuilder q = new StringBuilder();
            int n = random.nextInt(4);
            for (int j = 0; j < n; j++) {
                q.append(j == 0 ? "?" : "&").append(params[random.nextInt(params.length)]);
            }
            HttpResponse<String> r;
            try {
                r = pull(paths[random.nextInt(paths.length)] + q, key);
            } catch (IllegalArgumentException badUri) {
                continue;
            }
            assertThat(r.statusCode()).isIn(200, 400, 403, 404, 410);
            assertThat(r.body()).doesNotContain("SECRET");
        }
        // pushes: no path or parameter lets the key push to the other source (this feed takes no pushes for either:
        // its own source answers 409, any path naming the other one 403 or 404, never a write)
        String body = "{\"partners\": {\"created\": [{\"id\": \"x\", \"name\": \"pushed\"}]}}";
        for (int i = 0; i < 100; i++) {
            String path = paths[random.nextInt(paths.length)].replace("/pull", "/push") + "?last_pulled_at=5"
                    + (random.nextBoolean() ? "&" + params[random.nextInt(params.length)] : "");
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IllegalArgumentException badUri) {
                continue;
            }
            assertThat(r.statusCode()).as(path).isIn(400, 403, 404, 409);
            if (r.statusCode() == 409) {
                assertThat(path).as("only the key's own source reaches the push").startsWith(shop + "/push");
            }
        }
    }

    @Test
    void aKeyOverItsRateIsAnsweredWithRetryAfter() throws Exception {
        String key = keys.create(NewApiKey.builder(shop).build()).token();
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = pull(shop + "/pull?last_pulled_at=null", key);
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.headers().firstValue("Retry-After").orElse(null);
            }
        }
        assertThat(limited).isPositive();
        assertThat(retryAfter).isNotBlank();
    }
}
