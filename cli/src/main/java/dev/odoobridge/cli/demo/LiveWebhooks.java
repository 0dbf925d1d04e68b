package dev.odoobridge.cli.demo;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.sync.schema.ServerSchemas;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.EventFilter;
import dev.odoobridge.sync.webhook.EventStatus;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookEvent;
import dev.odoobridge.sync.webhook.WebhookInbox;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.serve.WebhookServer;
import dev.odoobridge.sync.webhook.WebhookRules;
import dev.odoobridge.sync.webhook.WebhookSource;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataSummary;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The webhook part of the demo: the receiver and processor are started, automation rules posting to
 * the receiver are created in Odoo through RPC (as on a real server), then live changes are made and
 * watched arriving in MongoDB.
 */
final class LiveWebhooks implements AutoCloseable {
    static final List<String> MODELS = List.of("product.product", "stock.quant", "sale.order", "stock.move");
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(15);

    private final FakeOdoo fake;
    private final OdooClient odoo;
    private final StateDatabase db;
    private final ReadModel readModel;
    private final Narrator narrator;
    private final WebhookServer receiver;
    private final WebhookProcessor processor;
    private final String token;

    LiveWebhooks(FakeOdoo fake, OdooClient odoo, StateDatabase db, ReadModel readModel, List<Projection> projections,
                 ServerSchemas schemas, Narrator narrator) {
        this.fake = fake;
        this.odoo = odoo;
        this.db = db;
        this.readModel = readModel;
        this.narrator = narrator;
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
        List<String> synced = projections.stream().map(Projection::model).toList();
        this.receiver = WebhookServer.builder(db).source(WebhookSource.of(DemoRun.SOURCE, token))
                .models(synced).bind("127.0.0.1").port(0).build().start();
        try {
            this.processor = WebhookProcessor.builder(db, RecordFetcher.odoo(Map.of(DemoRun.SOURCE, odoo)),
                    readModel.projector()).projections(projections).schemas(schemas).pollInterval(Duration.ofMillis(50))
                    .build().start();
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
    }

    Result run(RetailDataSummary data) {
        narrator.step("Webhooks: Odoo pushes every change; the receiver stores it in PostgreSQL, the processor"
                + " re-reads the record and updates MongoDB");
        WebhookRules rules = WebhookRules.builder(odoo).source(DemoRun.SOURCE).token(token)
                .publicUrl(URI.create("http://127.0.0.1:" + receiver.port())).models(MODELS).build();
        rules.apply(rules.planInstall());
        narrator.line("receiver listening on http://127.0.0.1:%d/webhook/%s/<token>", receiver.port(), DemoRun.SOURCE);
        narrator.line("Odoo automation rules (\"Send Webhook Notification\") on create/write/unlink of %s,"
                + " installed as `odoo-bridge webhook install` does", String.join(", ", MODELS));

        LiveChanges changes = new LiveChanges(odoo, readModel.stock(), DemoRun.SOURCE, data, narrator);
        narrator.raw("");
        narrator.line("A customer buys 3 units; the order is confirmed and delivered from stock:");
        changes.sell();
        narrator.raw("");
        narrator.line("An expired lot is written off; Odoo deletes its quant (a deletion, no tombstone):");
        changes.writeOffExpiredLot();

        Map<EventStatus, Integer> byStatus = settle();
        Map<String, Integer> byModel = new TreeMap<>();
        for (WebhookEvent e : WebhookInbox.of(db).list(EventFilter.all(), 10_000)) {
            byModel.merge(e.model() + " " + e.action(), 1, Integer::sum);
        }
        narrator.raw("");
        narrator.line("webhook events received: %s", byModel);
        narrator.line("webhook events by status: %s (Odoo posted %d)", byStatus, fake.webhooks().posted());
        return new Result(byStatus.values().stream().mapToInt(Integer::intValue).sum(),
                byStatus.getOrDefault(EventStatus.DONE, 0), changes.latenciesMillis());
    }

    /** Waits until the processor has handled every stored event, then counts them by status. */
    private Map<EventStatus, Integer> settle() {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (true) {
            Map<EventStatus, Integer> counts = new EnumMap<>(EventStatus.class);
            for (WebhookEvent e : WebhookInbox.of(db).list(EventFilter.all(), 10_000)) {
                counts.merge(e.status(), 1, Integer::sum);
            }
            boolean busy = counts.containsKey(EventStatus.PENDING) || counts.containsKey(EventStatus.PROCESSING);
            if (!busy || System.nanoTime() > deadline) {
                return counts;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return counts;
            }
        }
    }

    @Override
    public void close() {
        processor.close();
        receiver.close();
    }

    /**
     * What the webhook part did.
     *
     * @param events webhook events stored by the receiver
     * @param applied events the processor applied to MongoDB
     * @param latenciesMillis change-in-Odoo to visible-in-MongoDB, per watched change
     */
    record Result(int events, int applied, List<Long> latenciesMillis) {
        Result {
            latenciesMillis = List.copyOf(latenciesMillis);
        }
    }
}
