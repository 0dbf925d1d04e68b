package dev.odoobridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP shape: WatermelonDB's documented JSON, and 4xx problem documents naming what is wrong. */
class FeedHandlerTest {
    /** The changes example of WatermelonDB's "Implementing your Sync backend" page, as JSON. */
    private static final String DOCUMENTED_CHANGES = "{\"projects\": {\"created\": [{\"id\": \"aaaa\", \"name\": \"Foo\","
            + " \"is_favorite\": true}, {\"id\": \"bbbb\", \"name\": \"Bar\", \"is_favorite\": false}],"
            + " \"updated\": [{\"id\": \"ccc\", \"name\": \"Baz\", \"is_favorite\": true}], \"deleted\": [\"ddd\"]},"
            + " \"tasks\": {\"created\": [], \"updated\": [{\"id\": \"tttt\", \"name\": \"Buy eggs\"}], \"deleted\": []}}";

    private final ReadModelDocs rm = new ReadModelDocs();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Feed feed;
    private Server server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        feed = Feeds.create(rm.config().maxPushBytes(4096).build());
        ScopeResolver keys = request -> Optional.ofNullable(request.getHeaders().get("Authorization"))
                .filter(h -> h.startsWith("Bearer "))
                .map(h -> FeedScope.source(h.substring("Bearer ".length())));
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new ContextHandler(new FeedHandler(feed, keys), "/sync"));
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/sync/";
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        feed.close();
        rm.close();
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** WatermelonDB's Changes type: table → {created: RawRecord[], updated: RawRecord[], deleted: string[]}. */
    private static void assertChangesShape(JsonNode changes) {
        assertThat(changes.isObject()).isTrue();
        Iterator<Map.Entry<String, JsonNode>> tables = changes.fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> t = tables.next();
            assertThat(t.getKey()).matches("[A-Za-z_][A-Za-z0-9_]*");
            List<String> keys = iterable(t.getValue().fieldNames());
            assertThat(keys).containsExactlyInAnyOrder("created", "updated", "deleted");
            for (String section : List.of("created", "updated")) {
                for (JsonNode r : t.getValue().get(section)) {
                    assertThat(r.get("id").isTextual()).as("record ids are strings").isTrue();
                    r.fields().forEachRemaining(f -> assertThat(f.getValue().isValueNode()).as(f.getKey()).isTrue());
                }
            }
            t.getValue().get("deleted").forEach(id -> assertThat(id.isTextual()).isTrue());
        }
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void pullsAnswerInWatermelonDbsDocumentedShape() throws Exception {
        assertChangesShape(json.readTree(DOCUMENTED_CHANGES)); // the checker accepts the documentation's example
        rm.product("shop", 1, "Desk", 10.0);
        rm.product("shop", 2, "Lamp", 5.0);
        rm.put("res_partner", "shop", 9, Map.of("name", "Ann", "is_company", false));

        HttpResponse<String> first = get("shop/pull?last_pulled_at=null&schema_version=1&migration=null", "shop");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("content-type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/json"));
        JsonNode body = json.readTree(first.body());
        assertThat(iterable(body.fieldNames())).containsExactly("changes", "timestamp", "has_more");
        assertThat(body.get("timestamp").isIntegralNumber()).isTrue();
        assertChangesShape(body.get("changes"));
        assertThat(body.at("/changes/products/created/0/id").asText()).isEqualTo("1");
        assertThat(body.at("/changes/products/created/0/odoo_id").asLong()).isEqualTo(1);
        assertThat(body.at("/changes/partners/created/0/is_company").isBoolean()).isTrue();

        rm.delete("product_product", "shop", 2);
        JsonNode next = json.readTree(get("shop/pull?last_pulled_at=" + body.get("timestamp").asLong()
                + "&tables=products", "shop").body());
        assertThat(iterable(next.get("changes").fieldNames())).containsExactly("products");
        assertThat(next.at("/changes/products/deleted/0").asText()).isEqualTo("2");
        assertThat(next.get("timestamp").asLong()).isGreaterThan(body.get("timestamp").asLong());
    }

    @Test
    void errorsAreProblemDocumentsWithTheRightStatus() throws Exception {
        assertThat(get("shop/pull", null).statusCode()).isEqualTo(401);
        assertThat(get("other/pull", "shop").statusCode()).isEqualTo(403);
        assertThat(get("shop/nothing", "shop").statusCode()).isEqualTo(404);
        assertThat(post("shop/pull", "shop", "{}").statusCode()).isEqualTo(405);

        HttpResponse<String> bad = get("shop/pull?last_pulled_at=yesterday", "shop");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("content-type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        assertThat(json.readTree(bad.body()).get("field").asText()).isEqualTo("last_pulled_at");

        HttpResponse<String> table = get("shop/pull?tables=nope", "shop");
        assertThat(table.statusCode()).isEqualTo(400);
        assertThat(json.readTree(table.body()).get("table").asText()).isEqualTo("nope");

        rm.product("shop", 1, "A", 1.0);
        rm.product("shop", 1, "A", 2.0);
        rm.oldest = 2;
        HttpResponse<String> gone = get("shop/pull?last_pulled_at=1", "shop");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(json.readTree(gone.body()).get("type").asText()).isEqualTo(FeedHandler.FULL_RESYNC_TYPE);

        HttpResponse<String> field = post("shop/push?last_pulled_at=3", "shop",
                "{\"partners\": {\"created\": [{\"id\": \"a\", \"name\": 5}]}}");
        assertThat(field.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(field.body());
        assertThat(problem.get("table").asText()).isEqualTo("partners");
        assertThat(problem.get("record").asText()).isEqualTo("a");
        assertThat(problem.get("field").asText()).isEqualTo("name");

        assertThat(post("shop/push?last_pulled_at=3", "shop", "{\"products\": {\"updated\": [{\"id\": \"1\"}]}}")
                .statusCode()).isEqualTo(409);
        assertThat(post("shop/push?last_pulled_at=3", "shop", "{\"partners\": {\"created\": [{\"id\": \"a\", \"name\": \""
                + "x".repeat(5000) + "\"}]}}").statusCode()).isEqualTo(413);
        assertThat(post("shop/push", "shop", "{}").statusCode()).isEqualTo(400);
    }
}
