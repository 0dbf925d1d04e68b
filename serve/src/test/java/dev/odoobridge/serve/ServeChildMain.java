package dev.odoobridge.serve;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.GuardStrategy;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookIntake;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.sync.webhook.WebhookSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The child JVM {@link ServeSigtermIT} stops with SIGTERM: a serve on the test's PostgreSQL, MongoDB
 * and FakeOdoo that syncs {@code product.product} on schedule (small pages) and processes
 * {@code res.partner} webhooks in small batches, with a JVM shutdown hook closing it as the CLI
 * does. Prints {@code PORT <n>} once listening. Arguments: JDBC URL, MongoDB connection string, Odoo
 * URL, database, login, API key, source, webhook token.
 */
public final class ServeChildMain {
    static final Projection PARTNERS = new Projection("res.partner", "res_partner", List.of("name", "city"));
    static final Projection PRODUCTS = new Projection("product.product", "product_product", List.of("name"));
    static final int PAGE_SIZE = 20;

    private ServeChildMain() {
    }

    /** Runs until SIGTERM. */
    public static void main(String[] args) throws Exception {
        StateDatabase db = StateDatabase.connect(args[0], "postgres", null);
        ReadModel readModel = ReadModels.open(ReadModelConfig.builder().connectionString(args[1])
                .guardStrategy(GuardStrategy.READ_THEN_WRITE).projection(PARTNERS).projection(PRODUCTS).build());
        OdooClient odoo = OdooClients.create(OdooConfig.builder().url(args[2]).database(args[3]).login(args[4])
                .secret(args[5]).transport(Transport.JSON2).build());
        String source = args[6];
        String owner = Serve.newLeaseOwner();
        SyncEngine engine = SyncEngine.builder().source(source, odoo).projector(readModel.projector())
                .stateStore(db.stateStore()).projections(List.of(PRODUCTS)).pageSize(PAGE_SIZE).parallelism(1)
                .dependents(List.of()).lease(owner, Duration.ofMinutes(1)).build();
        WebhookProcessor processor = WebhookProcessor.builder(db, RecordFetcher.odoo(Map.of(source, odoo)),
                readModel.projector()).projections(List.of(PARTNERS, PRODUCTS)).dependents(List.of()).batchSize(3)
                .pollInterval(Duration.ofMillis(100)).build();
        Serve serve = Serve.builder(db).syncEngine(engine).leaseOwner(owner)
                .webhooks(WebhookIntake.builder(db).source(WebhookSource.of(source, args[7]))
                        .models(List.of("res.partner")).build())
                .processor(processor).schedule(Schedule.none().withIncremental(Duration.ofMillis(200)))
                .build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(serve::close, "serve-shutdown"));
        System.out.println("PORT " + serve.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
