package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.config.BridgeConfig;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.serve.WebhookServer;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the webhook receiver and processor until stopped (the webhook-only variant of {@code serve}). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the webhook receiver and the inbox processor until SIGTERM or Ctrl-C.",
            "Every source with a webhook-token gets the URL /webhook/<source>/<token>; `odoo-bridge webhook install` "
                + "creates the automation rules in Odoo that post to it. Events are stored in PostgreSQL before the answer, "
                + "then the records are re-read from Odoo and applied to MongoDB.",
            "`odoo-bridge serve` runs the same receiver together with the scheduler, health and admin API."},
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
        String host = bind != null ? bind : settings.bind();
        WebhookServer.Builder b = WebhookServer.builder(db).models(rt.syncedModels())
                .bind(host).port(port != null ? port : settings.port())
                .maxBodyBytes(settings.maxBodyBytes());
        if (ServeCommand.addWebhookSources(rt, b::source) == 0) {
            throw ServeCommand.noWebhookSource();
        }
        WebhookProcessor processor = WebhookProcessor.builder(db, RecordFetcher.odoo(rt.odooClients()),
                rt.readModel().projector()).projections(rt.projections()).schemas(rt.serverSchemas()).build();
        WebhookServer server = b.build();
        try {
            processor.start();
            server.start();
        } catch (RuntimeException e) {
            processor.close();
            throw ServeCommand.listenFailure(host, e);
        }
        ShutdownOnSignal stop = ShutdownOnSignal.install("webhook-serve-shutdown", () -> {
            server.close();
            processor.close();
        });
        PrintWriter out = ctx.console().out();
        out.println("Webhook receiver listening on " + host + ":" + server.port());
        ServeCommand.printWebhookUrls(rt, out, host, server.port());
        out.println("Processing events into " + rt.readModel().describe() + ". Stop with Ctrl-C.");
        out.flush();
        try (stop) {
            stop.awaitSignal();
        }
        return ExitCode.OK.code();
    }

    static String mask(String token) {
        return token.length() <= 8 ? "****" : token.substring(0, 4) + "****" + token.substring(token.length() - 2);
    }
}
