package dev.odoobridge.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.schema.ServerSchemas;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.EventFilter;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookInbox;
import dev.odoobridge.sync.webhook.RuleState;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.serve.WebhookServer;
import dev.odoobridge.sync.webhook.WebhookRules;
import dev.odoobridge.sync.webhook.WebhookSource;
import dev.odoobridge.testkit.FakeOdoo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules installed through RPC are what make the read model follow Odoo: after {@code install}, creates, writes,
 * archives and deletions made in FakeOdoo through RPC reach the read model through the installed rules alone (no
 * sync run after the first), on each version (17/18 post before commit, 19 after).
 */
class WebhookRulesEndToEndIT {
    static final String SOURCE = "shop";
    static final String TOKEN = "rules-e2e-token-0123456789";
    static final Duration SETTLE = Duration.ofSeconds(30);

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void changesInOdooReachTheReadModelThroughTheInstalledRules(String version) throws Exception {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).products(20).seed(5).build().start();
             OdooClient odoo = fake.client(version.equals("19.0") ? Transport.JSON2 : Transport.XMLRPC);
             StateDatabase state = World.freshState();
             ReadModel readModel = World.inMemoryReadModel()) {
            SyncEngine engine = World.engine(Map.of(SOURCE, odoo), readModel, state, "rules", SyncListener.NONE).build();
            assertThat(engine.run(SyncRequest.full()).outcome()).isEqualTo(Outcome.OK);
            try (Receiving receiving = receiving(state, readModel, odoo, engine.schemas())) {
                WebhookRules rules = WebhookRules.builder(odoo).source(SOURCE).token(TOKEN)
                        .publicUrl(receiving.publicUrl()).models(World.MODELS).build();
                rules.apply(rules.planInstall());
                assertThat(rules.status()).allSatisfy(s -> assertThat(s.state()).isEqualTo(RuleState.OK));

                long partner = odoo.model("res.partner").create(Map.of("name", "Rule-driven Customer"));
                awaitDocument(readModel, "res.partner", partner, d -> d.isPresent()
                        && "Rule-driven Customer".equals(d.get().get("name")));

                long product = odoo.model("product.product").search(Domains.all(), SearchOptions.DEFAULT.limit(1)).get(0);
                odoo.model("product.product").write(List.of(product), Map.of("list_price", 4321.5));
                awaitDocument(readModel, "product.product", product, d -> d.isPresent()
                        && d.get().get("list_price") instanceof Number n && n.doubleValue() == 4321.5);

                odoo.model("res.partner").write(List.of(partner), Map.of("active", false));
                awaitDocument(readModel, "res.partner", partner, d -> d.isPresent()
                        && Boolean.FALSE.equals(d.get().get("active")));

                odoo.model("res.partner").unlink(List.of(partner));
                awaitDocument(readModel, "res.partner", partner, Optional::isEmpty);
                // the post names its rule's action, so the receiver knew it was a deletion on every version
                assertThat(WebhookInbox.of(state).list(EventFilter.all(), 10_000))
                        .filteredOn(e -> e.model().equals("res.partner") && e.recordId() == partner)
                        .extracting(e -> e.action()).contains("unlink", "archive", "create_or_write");

                assertThat(fake.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
                assertThat(fake.webhooks().posted()).isGreaterThanOrEqualTo(4);
                assertThat(fake.webhooks().failed()).as("posts Odoo could not deliver").isZero();

                // after uninstall, nothing is posted any more
                rules.apply(rules.planUninstall());
                int posted = fake.webhooks().posted();
                odoo.model("res.partner").create(Map.of("name", "Unwatched Customer"));
                assertThat(fake.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
                assertThat(fake.webhooks().posted()).isEqualTo(posted);
            }
        }
    }

    /**
     * The receiving side: receiver and processor on the state database and read model. The only place that knows
     * how webhooks are received, so that it can be pointed at another server.
     */
    private static Receiving receiving(StateDatabase state, ReadModel readModel, OdooClient odoo, ServerSchemas schemas) {
        WebhookServer receiver = WebhookServer.builder(state).source(WebhookSource.of(SOURCE, TOKEN))
                .models(World.MODELS).bind("127.0.0.1").port(0).build().start();
        try {
            WebhookProcessor processor = WebhookProcessor.builder(state, RecordFetcher.odoo(Map.of(SOURCE, odoo)),
                            readModel.projector()).projections(World.projections(readModel)).schemas(schemas)
                    .pollInterval(Duration.ofMillis(20))
                    .commitWait(Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofMillis(200))
                    .backoff(Duration.ofMillis(50), Duration.ofMillis(200)).build().start();
            return new Receiving(URI.create("http://127.0.0.1:" + receiver.port()), () -> {
                processor.close();
                receiver.close();
            });
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
    }

    /** A running receiving side: the public URL Odoo posts to (without {@code /webhook/...}) and how to stop it. */
    private record Receiving(URI publicUrl, Runnable stop) implements AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }

    private static void awaitDocument(ReadModel readModel, String model, long id,
                                      Predicate<Optional<Map<String, Object>>> done) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Optional<Map<String, Object>> doc = readModel.projector().find(SOURCE, model, id);
        while (!done.test(doc)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(model + " " + id + " did not reach the expected state in the read model: "
                        + doc);
            }
            Thread.sleep(20);
            doc = readModel.projector().find(SOURCE, model, id);
        }
    }
}
