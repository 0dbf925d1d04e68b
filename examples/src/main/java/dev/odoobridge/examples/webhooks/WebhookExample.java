package dev.odoobridge.examples.webhooks;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.serve.WebhookServer;
import dev.odoobridge.sync.webhook.WebhookSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * The webhook receiver and processor inside your own service: the receiver answers Odoo's
 * "Send Webhook Notification" posts and stores them in PostgreSQL; the processor re-reads each
 * record from Odoo and applies it to the read model. Point an Odoo automation rule at
 * {@link #url(String)}.
 */
public final class WebhookExample implements AutoCloseable {
    private final String source;
    private final WebhookServer receiver;
    private final WebhookProcessor processor;

    /**
     * Starts receiving for {@code source} on {@code port} (0 picks a free one) of {@code bind}.
     *
     * @param token the secret part of the URL (at least 16 characters; a long random string)
     */
    public WebhookExample(StateDatabase state, ReadModel readModel, String source, OdooClient odoo, String token,
                          String bind, int port) {
        Objects.requireNonNull(readModel, "readModel == null");
        this.source = Objects.requireNonNull(source, "source == null");
        this.receiver = WebhookServer.builder(state).source(WebhookSource.of(source, token))
                .models(readModel.projections().stream().map(Projection::model).toList())
                .bind(bind).port(port).build().start();
        try {
            this.processor = WebhookProcessor.builder(state, RecordFetcher.odoo(Map.of(source, odoo)), readModel.projector())
                    .projections(readModel.projections()).pollInterval(Duration.ofMillis(200)).build().start();
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
    }

    /** The URL to configure in Odoo's automation rule, e.g. {@code http://shop-sync:8069/webhook/shop/<token>}. */
    public String url(String host) {
        return "http://" + host + ":" + receiver.port() + receiver.path(source);
    }

    @Override
    public void close() {
        processor.close();
        receiver.close();
    }

    /** {@code WebhookExample <url> <database> <login> <password-or-api-key> <token> [port]}: serves until Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 5) {
            System.err.println("usage: WebhookExample <url> <database> <login> <password-or-api-key> <token> [port]");
            System.exit(2);
        }
        OdooConfig config = OdooConfig.builder().url(args[0]).database(args[1]).login(args[2]).secret(args[3]).build();
        int port = args.length > 5 ? Integer.parseInt(args[5]) : 8085;
        CountDownLatch stop = new CountDownLatch(1);
        try (OdooClient odoo = OdooClients.create(config);
             StateDatabase state = StateDatabase.embedded(Path.of("webhook-example-state"));
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().inMemory()
                     .projections(Projections.retail()).build());
             WebhookExample webhooks = new WebhookExample(state, readModel, "shop", odoo, args[4], "0.0.0.0", port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            System.out.println("Odoo automation rule URL: " + webhooks.url("<this-host>"));
            stop.await();
        }
    }
}
