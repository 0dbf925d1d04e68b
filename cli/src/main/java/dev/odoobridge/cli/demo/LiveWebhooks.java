package dev.odoobridge.cli.demo;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.value.Command;
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
import dev.odoobridge.sync.webhook.WebhookSource;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataSummary;
import dev.odoobridge.testkit.WebhookTrigger;
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

    LiveWebhooks(FakeOdoo fake, OdooClient odoo, StateDatabase db, ReadModel readModel, ServerSchemas schemas,
                 Narrator narrator) {
        this.fake = fake;
        this.odoo = odoo;
        this.db = db;
        this.readModel = readModel;
        this.narrator = narrator;
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        List<String> synced = readModel.projections().stream().map(Projection::model).toList();
        this.receiver = WebhookServer.builder(db).source(WebhookSource.of(DemoRun.SOURCE, HexFormat.of().formatHex(secret)))
                .models(synced).bind("127.0.0.1").port(0).build().start();
        try {
            this.processor = WebhookProcessor.builder(db, RecordFetcher.odoo(Map.of(DemoRun.SOURCE, odoo)),
                    readModel.projector()).projections(readModel.projections()).schemas(schemas).pollInterval(Duration.ofMillis(50))
                    .build().start();
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
    }

    Result run(RetailDataSummary data) {
        narrator.step("Webhooks: Odoo pushes every change; the receiver stores it in PostgreSQL, the processor"
                + " re-reads the record and updates MongoDB");
        String url = "http://127.0.0.1:" + receiver.port() + receiver.path(DemoRun.SOURCE);
        for (String model : MODELS) {
            addRule(model, WebhookTrigger.CREATE_OR_WRITE, url);
            addRule(model, WebhookTrigger.UNLINK, url);
        }
        narrator.line("receiver listening on http://127.0.0.1:%d/webhook/%s/<token>", receiver.port(), DemoRun.SOURCE);
        narrator.line("Odoo automation rules (\"Send Webhook Notification\") on create/write/unlink of %s",
                String.join(", ", MODELS));

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

    /**
     * Creates an automation rule with a "Send Webhook Notification" action through RPC, as a tool does on a real
     * server: a {@code base.automation} on the model's {@code ir.model} with the action created inside it.
     */
    private void addRule(String model, WebhookTrigger trigger, String url) {
        List<Long> modelIds = odoo.model("ir.model").search(Domains.eq("model", model));
        if (modelIds.isEmpty()) {
            throw new IllegalStateException("Odoo has no model " + model);
        }
        long modelId = modelIds.get(0);
        // the post carries the record's write_date: on Odoo 17/18, which post before commit, the processor re-reads
        // until Odoo shows at least that write_date
        List<Long> writeDate = odoo.model("ir.model.fields").search(Domains.and(Domains.eq("model", model),
                Domains.eq("name", "write_date")));
        String name = "odoo-bridge " + model + " " + trigger.odooName();
        Map<String, Object> action = Map.of("name", name, "state", "webhook", "model_id", modelId, "webhook_url", url,
                "webhook_field_ids", List.of(Command.set(writeDate)));
        odoo.model("base.automation").create(Map.of("name", name, "model_id", modelId, "trigger", trigger.odooName(),
                "action_server_ids", List.of(List.of(0, 0, action))));
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
