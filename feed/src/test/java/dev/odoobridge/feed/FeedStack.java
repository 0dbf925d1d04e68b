package dev.odoobridge.feed;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.EmbeddedStore;
import dev.odoobridge.readmodel.GuardStrategy;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.schema.ServerSchemas;
import dev.odoobridge.sync.state.SharedPostgres;
import dev.odoobridge.sync.testing.InMemoryStateStore;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.testkit.FakeOdoo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The whole stack a feed runs on: a FakeOdoo, the embedded store served on a loopback port, a read model on it
 * synced by the real sync engine, the shared embedded PostgreSQL, and the feed with pushes through Odoo.
 */
final class FeedStack implements AutoCloseable {
    static final String[] MODELS = {"res.partner", "product.template", "product.product", "product.supplierinfo",
        "stock.warehouse", "stock.location", "stock.quant", "sale.order", "sale.order.line"};

    final FakeOdoo fake;
    final String source = SharedPostgres.uniqueSource("feed");
    final OdooClient odoo;
    final EmbeddedStore store;
    final ReadModel model;
    final SyncEngine engine;
    final Feed feed;
    final FeedScope scope;

    FeedStack(String version, int products) {
        this(version, products, FeedConfig.DEFAULT_PAGE_SIZE);
    }

    /** With pull pages of {@code pageSize} changes. */
    FeedStack(String version, int products, int pageSize) {
        this(FakeOdoo.builder().version(version).products(products).build().start(), SharedPostgres.database(), pageSize);
    }

    FeedStack(FakeOdoo fake) {
        this(fake, SharedPostgres.database());
    }

    /** On a state database of its own (e.g. one another process connects to by URL). */
    FeedStack(FakeOdoo fake, dev.odoobridge.sync.state.StateDatabase state) {
        this(fake, state, FeedConfig.DEFAULT_PAGE_SIZE);
    }

    private FeedStack(FakeOdoo fake, dev.odoobridge.sync.state.StateDatabase state, int pageSize) {
        this.fake = fake;
        this.odoo = fake.adminClient();
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            this.store = ReadModels.serve(Files.createTempDirectory(target, "feed-store-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.model = ReadModels.open(ReadModelConfig.builder().connectionString(store.connectionString())
                .guardStrategy(GuardStrategy.READ_THEN_WRITE).build(), Clock.systemUTC());
        this.engine = SyncEngine.builder().source(source, odoo).projector(model.projector())
                .stateStore(new InMemoryStateStore(Clock.systemUTC())).projections(Projections.retail())
                .parallelism(1).lease("test", Duration.ofMinutes(5)).build();
        sync(SyncRequest.full());
        Map<String, OdooClient> clients = Map.of(source, odoo);
        this.feed = Feeds.create(FeedConfig.builder().readModel(store.connectionString(), "odoo_bridge")
                .sequence(ChangeSequence.of(model.changes())).source(source, odoo)
                .stateDatabase(state).pageSize(pageSize)
                .resync(Resync.through(RecordFetcher.odoo(clients), ServerSchemas.of(clients, Projections.retail()),
                        model.projector()))
                .build());
        this.scope = FeedScope.source(source);
    }

    /** Runs the sync (full or incremental) over the feed's models. */
    void sync(SyncRequest request) {
        SyncReport report = engine.run(request.withModels(MODELS));
        if (report.outcome() != Outcome.OK) {
            throw new IllegalStateException("sync failed: " + report);
        }
    }

    @Override
    public void close() {
        feed.close();
        model.close();
        store.close();
        odoo.close();
        fake.close();
    }
}
