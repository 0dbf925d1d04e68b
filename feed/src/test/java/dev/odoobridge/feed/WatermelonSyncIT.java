package dev.odoobridge.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.sync.SyncRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * WatermelonDB's own {@code synchronize()} (npm {@code @nozbe/watermelondb} with its LokiJS adapter, run by Node)
 * against the feed handler over a FakeOdoo synced by the real engine: a first sync in several pages, a change in
 * Odoo pulled, a record created in Odoo pulled, an offline order pushed and pulled back with its Odoo name, a
 * deletion in Odoo reaching the device, and no sync diagnostic logged by WatermelonDB. The device synchronizes with
 * {@code sendCreatedAsUpdated: true}, as the feed's later pulls send new records in {@code updated}. Skipped when
 * {@code node} / {@code npm} are absent or the packages cannot be installed (npm needs the registry once; the
 * packages are kept under {@code target/watermelondb}).
 */
class WatermelonSyncIT {
    private static final String KEY = "device-key";
    private static final Path DIR = Path.of("target", "watermelondb");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void watermelonDbSynchronizesWithTheFeed() throws Exception {
        assumeTrue(runs("node", "--version"), "node is not installed: the WatermelonDB client test is skipped");
        assumeTrue(install(), "npm could not install @nozbe/watermelondb and lokijs: the WatermelonDB client test is skipped");
        Files.copy(Path.of("src", "test", "node", "sync-device.js"), DIR.resolve("sync-device.js"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // pages of 25 changes: the first sync takes several rounds of synchronize(), as a large one would
        try (FeedStack stack = new FeedStack("19.0", 20, 25)) {
            long temp = stack.odoo.model("res.partner").create(Map.of("name", "Temporary customer"));
            stack.sync(SyncRequest.incremental());
            long product = stack.odoo.model("product.product").search(Domains.eq("sale_ok", true),
                    SearchOptions.DEFAULT.limit(1)).get(0);
            Server server = server(stack, Map.of(
                    "change-product", () -> {
                        stack.odoo.model("product.product").write(List.of(product), Map.of("name", "Renamed in Odoo"));
                        stack.sync(SyncRequest.incremental());
                        return product;
                    },
                    "create-partner", () -> {
                        long id = stack.odoo.model("res.partner").create(Map.of("name", "Created in Odoo"));
                        stack.sync(SyncRequest.incremental());
                        return id;
                    },
                    "delete-partner", () -> {
                        stack.odoo.model("res.partner").unlink(List.of(temp));
                        stack.sync(SyncRequest.incremental().withReconcile(true));
                        return temp;
                    }));
            try {
                int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
                Map<String, JsonNode> steps = runDevice("http://127.0.0.1:" + port + "/sync/" + stack.source,
                        "http://127.0.0.1:" + port + "/control");

                assertThat(steps.get("first").get("rounds").asInt()).isGreaterThan(1);
                assertThat(steps.get("first").get("products").asInt()).isEqualTo(stack.odoo.model("product.product")
                        .searchCount(Domains.all()));
                assertThat(steps.get("created").get("name").asText()).isEqualTo("Created in Odoo");
                assertThat(steps.get("first").get("partners").asInt()).isPositive();
                assertThat(steps.get("first").get("idsAreStrings").asBoolean()).isTrue();
                assertThat(steps.get("changed").get("name").asText()).isEqualTo("Renamed in Odoo");
                JsonNode order = steps.get("order");
                assertThat(order.get("copies").asInt()).isEqualTo(1);
                assertThat(order.get("status").asText()).isEqualTo("synced");
                assertThat(order.get("name").asText()).startsWith("S");
                assertThat(order.get("amountTotal").asDouble()).isEqualTo(7.5);
                assertThat(order.get("odooId").asLong()).isPositive();
                assertThat(order.get("lines").asInt()).isEqualTo(1);
                assertThat(order.get("lineSubtotal").asDouble()).isEqualTo(7.5);
                assertThat(stack.odoo.model("sale.order").searchCount(
                        Domains.eq("client_order_ref", order.get("orderId").asText()))).isEqualTo(1);
                assertThat(steps.get("deleted").get("stillThere").asInt()).isZero();
                // WatermelonDB logs what it finds wrong in a pull ("[Sync] Server wants client to ..."): nothing here
                assertThat(steps.get("log").get("syncErrors")).as("WatermelonDB's sync diagnostics").isEmpty();
            } finally {
                server.stop();
            }
        }
    }

    private Map<String, JsonNode> runDevice(String base, String control) throws Exception {
        Process p = new ProcessBuilder("node", "sync-device.js", base, control, KEY).directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("node output:\n" + out).isZero();
        Map<String, JsonNode> steps = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{\"step\"")) {
                JsonNode n = json.readTree(line);
                steps.put(n.get("step").asText(), n);
            }
        }
        assertThat(steps).as(out).containsKeys("first", "changed", "created", "order", "deleted", "log");
        return steps;
    }

    /** A step the device asks for between its syncs: a change made in Odoo and synced. */
    @FunctionalInterface
    private interface Step {
        long run() throws Exception;
    }

    private static Server server(FeedStack stack, Map<String, Step> control) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ScopeResolver keys = request -> ("Bearer " + KEY).equals(request.getHeaders().get("Authorization"))
                ? Optional.of(stack.scope) : Optional.empty();
        Handler steps = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String name = Request.getPathInContext(request).replace("/", "");
                Step step = control.get(name);
                if (step == null) {
                    return false;
                }
                long id = step.run();
                response.getHeaders().put("Content-Type", "application/json");
                response.write(true, ByteBuffer.wrap(("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        };
        server.setHandler(new ContextHandlerCollection(new ContextHandler(new FeedHandler(stack.feed, keys), "/sync"),
                new ContextHandler(steps, "/control")));
        server.start();
        return server;
    }

    private static boolean install() throws IOException, InterruptedException {
        if (Files.isDirectory(DIR.resolve("node_modules").resolve("@nozbe").resolve("watermelondb"))) {
            return true;
        }
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("package.json"), "{\"name\":\"feed-device\",\"private\":true}");
        return runsIn(DIR, "npm", "install", "--no-audit", "--no-fund", "@nozbe/watermelondb@0.28.0", "lokijs@1.5.12");
    }

    private static boolean runs(String... command) {
        try {
            return runsIn(Path.of("."), command);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static boolean runsIn(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
