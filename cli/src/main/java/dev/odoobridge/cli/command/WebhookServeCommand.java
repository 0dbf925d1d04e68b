package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.config.BridgeConfig;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.sync.webhook.WebhookReceiver;
import dev.odoobridge.sync.webhook.WebhookSource;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the webhook receiver and processor until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the webhook receiver and the inbox processor until SIGTERM or Ctrl-C.",
            "Every source with a webhook-token gets the URL /webhook/<source>/<token>; `odoo-bridge webhook install` "
                + "creates the automation rules in Odoo that post to it. Events are stored in PostgreSQL before the answer, "
                + "then the records are re-read from Odoo and applied to MongoDB."},
        footer = {"%nExample:%n  odoo-bridge webhook serve --bind 0.0.0.0 --port 8088"})
public final class WebhookServeCommand implements Callable<Integer> {
    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: webhook.bind, 0.0.0.0).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: webhook.port, 8088; 0 picks a free one).")
    Integer port;

    private final CommandContext ctx;

    /** A command over the context. */
    public WebhookServeCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        BridgeRuntime rt = ctx.runtime();
        BridgeConfig.WebhookSettings settings = rt.config().webhook();
        StateDatabase db = rt.stateDatabase();
        WebhookReceiver.Builder b = WebhookReceiver.builder(db).models(rt.config().sync().models())
                .bind(bind != null ? bind : settings.bind()).port(port != null ? port : settings.port())
                .maxBodyBytes(settings.maxBodyBytes());
        int served = 0;
        for (String name : rt.sourceNames()) {
            BridgeConfig.SourceConfig s = rt.source(name);
            if (s.webhookToken().isEmpty()) {
                continue;
            }
            try {
                b.source(new WebhookSource(name, s.webhookToken().get(), s.webhookSigningSecret().orElse(null)));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCode.CONFIG, "sources." + name + ".webhook-token: " + e.getMessage(), e);
            }
            served++;
        }
        if (served == 0) {
            throw new CliFailure(ExitCode.CONFIG, "no source has a webhook-token: add `webhook-token: ${SHOP_WEBHOOK_TOKEN}` "
                    + "(16+ characters of [A-Za-z0-9._~-]) under a source in the configuration");
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "webhook-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (WebhookProcessor processor = WebhookProcessor.builder(db, RecordFetcher.odoo(rt.odooClients()),
                        rt.readModel().projector()).projections(rt.projections()).schemas(rt.serverSchemas())
                        .build().start();
             WebhookReceiver receiver = b.build().start()) {
            PrintWriter out = ctx.console().out();
            String host = bind != null ? bind : settings.bind();
            String shown = host.equals("0.0.0.0") ? "localhost" : host;
            out.println("Webhook receiver listening on " + host + ":" + receiver.port());
            for (String name : rt.sourceNames()) {
                rt.source(name).webhookToken().ifPresent(token -> out.println("  " + name + ": http://" + shown + ":"
                        + receiver.port() + "/webhook/" + name + "/" + mask(token)));
            }
            out.println("Processing events into " + rt.readModel().describe() + ". Stop with Ctrl-C.");
            out.flush();
            stop.await();
            return ExitCode.OK.code();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already shutting down because of the signal; the hook has run
                stop.countDown();
            }
        }
    }

    static String mask(String token) {
        return token.length() <= 8 ? "****" : token.substring(0, 4) + "****" + token.substring(token.length() - 2);
    }
}
