package dev.odoobridge.serve;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.GuardStrategy;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.serve.metrics.BridgeMetrics;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookInbox;
import dev.odoobridge.sync.webhook.WebhookIntake;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.sync.webhook.WebhookSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One member of the fleet {@link FleetKillIT} runs: a serve on the test's PostgreSQL and MongoDB that syncs
 * {@code product.product} on schedule (small pages, a short lease) and processes {@code res.partner} webhooks
 * (small batches, a short claim timeout), with metrics at {@code /metrics}, wired as a production serve wires
 * them. Prints {@code OWNER <lease owner>} and {@code PORT <n>}. Arguments: JDBC URL, MongoDB connection string,
 * Odoo URL, database, login, API key, source, webhook token.
 */
public final class FleetChildMain {
    static final Duration LEASE_TTL = Duration.ofSeconds(3);
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(3);
    static final int PAGE_SIZE = 20;

    private FleetChildMain() {
    }

    /** Runs until killed. */
    public static void main(String[] args) throws Exception {
        StateDatabase db = StateDatabase.connect(args[0], "postgres", null);
        BridgeMetrics metrics = BridgeMetrics.builder().inbox(WebhookInbox.of(db)).build();
        ReadModel readModel = ReadModels.open(ReadModelConfig.builder().connectionString(args[1])
                .guardStrategy(GuardStrategy.READ_THEN_WRITE).projection(ServeChildMain.PARTNERS)
                .projection(ServeChildMain.PRODUCTS).build());
        OdooClient odoo = OdooClients.create(OdooConfig.builder().url(args[2]).database(args[3]).login(args[4])
                .secret(args[5]).transport(Transport.JSON2).listener(metrics.odooClientListener()).build());
        String source = args[6];
        String owner = Serve.newLeaseOwner();
        SyncEngine engine = SyncEngine.builder().source(source, odoo).projector(readModel.projector())
                .stateStore(db.stateStore()).projections(List.of(ServeChildMain.PRODUCTS)).pageSize(PAGE_SIZE)
                .parallelism(1).dependents(List.of()).lease(owner, LEASE_TTL).listener(metrics.syncListener()).build();
        WebhookProcessor processor = WebhookProcessor.builder(db, RecordFetcher.odoo(Map.of(source, odoo)),
                        readModel.projector()).projections(List.of(ServeChildMain.PARTNERS, ServeChildMain.PRODUCTS))
                .dependents(List.of()).batchSize(5).claimTimeout(CLAIM_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(1)).listener(metrics.syncListener()).build();
        Serve serve = Serve.builder(db).syncEngine(engine).leaseOwner(owner)
                .webhooks(WebhookIntake.builder(db).source(WebhookSource.of(source, args[7]))
                        .models(List.of("res.partner")).build())
                .processor(processor).schedule(Schedule.none().withIncremental(Duration.ofMillis(200)))
                .mount("/metrics", metrics.handler())
                .build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(serve::close, "serve-shutdown"));
        System.out.println("OWNER " + owner);
        System.out.println("PORT " + serve.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
