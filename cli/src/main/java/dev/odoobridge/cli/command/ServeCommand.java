package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.config.BridgeConfig;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.serve.CronExpression;
import dev.odoobridge.serve.Schedule;
import dev.odoobridge.serve.Serve;
import dev.odoobridge.serve.metrics.BridgeMetrics;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookInbox;
import dev.odoobridge.sync.webhook.WebhookIntake;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.sync.webhook.WebhookSource;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the whole process: webhooks, inbox processor, scheduled syncs, health and the admin API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run odoo-bridge as one long-running process until SIGTERM or Ctrl-C: the webhook receiver "
                + "(/webhook/<source>/<token>) and inbox processor, incremental syncs every schedule.incremental, "
                + "reconcile and verify at schedule.reconcile (cron, UTC), /health/live and /health/ready, and the "
                + "admin API under /admin/ when serve.admin-token is set, Prometheus metrics at /metrics, the read API under "
                + "/api/v1/<source>/ and the offline-sync feed under /sync/<source>/ (both behind API keys: odoo-bridge apikey create), "
                + "and the vendor portal under /portal/ when portal.enabled is true.",
            "On SIGTERM it stops accepting requests, finishes the page and the inbox batch in flight and exits "
                + "within 30 s; events not processed yet stay in the inbox for the next start.",
            "Several serves may share one PostgreSQL and MongoDB: they split the work through leases."},
        footer = {"%nExample:%n  odoo-bridge serve --bind 0.0.0.0 --port 8088"})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: serve.bind, 0.0.0.0).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: serve.port, 8088; 0 picks a free one).")
    Integer port;

    private final CommandContext ctx;

    /** A command over the context. */
    public ServeCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        BridgeRuntime rt = ctx.runtime();
        BridgeConfig config = rt.config();
        BridgeConfig.ServeSettings settings = config.serve();
        String host = bind != null ? bind : settings.bind();
        int listenPort = port != null ? port : settings.port();
        if (listenPort < 0 || listenPort > 65535) {
            throw new CliFailure(ExitCode.USAGE, "--port must be within 0..65535, was " + listenPort);
        }
        StateDatabase db = rt.stateDatabase();
        BridgeMetrics metrics = BridgeMetrics.builder().inbox(WebhookInbox.of(db)).build();
        rt.odooListener(metrics.odooClientListener());
        String leaseOwner = Serve.newLeaseOwner();
        SyncEngine engine = rt.syncEngine(metrics.syncListener(), leaseOwner);
        Serve.Builder b = Serve.builder(db).syncEngine(engine).leaseOwner(leaseOwner).schedule(schedule(config))
                .odooSources(rt.odooClients()).readModel(rt.readModel()).bind(host).port(listenPort)
                .forwardedHeaders(settings.forwardedHeaders());
        settings.adminToken().ifPresent(b::adminToken);
        WebhookIntake.Builder intake = WebhookIntake.builder(db).models(rt.syncedModels())
                .maxBodyBytes(config.webhook().maxBodyBytes());
        if (addWebhookSources(rt, intake::source) > 0) {
            b.webhooks(intake.build());
        }
        b.processor(WebhookProcessor.builder(db, RecordFetcher.odoo(rt.odooClients()), rt.readModel().projector())
                .projections(rt.projections()).schemas(rt.serverSchemas()).listener(metrics.syncListener()).build());
        b.mount("/metrics", metrics.handler());
        ServedReadModel served = ServedReadModel.mount(rt, db, b);
        ServedPortal portal = config.portal().config().map(pc -> ServedPortal.mount(rt, db, engine, pc, b)).orElse(null);
        Serve serve = b.build();
        try {
            serve.start();
        } catch (RuntimeException e) {
            served.close();
            if (portal != null) {
                portal.close();
            }
            throw listenFailure(host, e);
        }
        ShutdownOnSignal stop = ShutdownOnSignal.install("serve-shutdown", serve::close);
        PrintWriter out = ctx.console().out();
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        out.println("odoo-bridge serve listening on " + host + ":" + serve.port());
        for (String route : serve.describeRoutes()) {
            out.println("  http://" + shown + ":" + serve.port() + route);
        }
        Schedule s = schedule(config);
        out.println("Incremental sync " + s.incremental().map(d -> "every " + d.toString().substring(2).toLowerCase())
                .orElse("off") + ", reconcile " + s.reconcileAt().map(c -> "at '" + c + "' UTC").orElse("off")
                + (settings.adminToken().isEmpty() ? "; admin API off (set serve.admin-token)" : "") + ". Stop with Ctrl-C.");
        out.flush();
        try (served; stop) {
            stop.awaitSignal();
        } finally {
            if (portal != null) {
                portal.close();
            }
        }
        return ExitCode.OK.code();
    }

    private static Schedule schedule(BridgeConfig config) {
        BridgeConfig.ScheduleSettings s = config.schedule();
        return new Schedule(s.incremental().orElse(null), s.reconcile().map(CronExpression::parse).orElse(null),
                ZoneOffset.UTC);
    }

    /** Adds every source with a webhook token; returns how many. */
    static int addWebhookSources(BridgeRuntime rt, Consumer<WebhookSource> add) {
        int served = 0;
        for (String name : rt.sourceNames()) {
            BridgeConfig.SourceConfig s = rt.source(name);
            if (s.webhookToken().isEmpty()) {
                continue;
            }
            try {
                add.accept(new WebhookSource(name, s.webhookToken().get(), s.webhookSigningSecret().orElse(null)));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCode.CONFIG, "sources." + name + ".webhook-token: " + e.getMessage(), e);
            }
            served++;
        }
        return served;
    }

    static CliFailure noWebhookSource() {
        return new CliFailure(ExitCode.CONFIG, "no source has a webhook-token: add `webhook-token: ${SHOP_WEBHOOK_TOKEN}` "
                + "(16+ characters of [A-Za-z0-9._~-]) under a source in the configuration");
    }

    static RuntimeException listenFailure(String host, RuntimeException e) {
        if (e instanceof UncheckedIOException) {
            return new CliFailure(ExitCode.USAGE, e.getMessage(), e);
        }
        return e;
    }

    /** Prints each webhook URL with its token masked. */
    static void printWebhookUrls(BridgeRuntime rt, PrintWriter out, String host, int port) {
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        for (String name : rt.sourceNames()) {
            rt.source(name).webhookToken().ifPresent(token -> out.println("  " + name + ": http://" + shown + ":"
                    + port + "/webhook/" + name + "/" + WebhookServeCommand.mask(token)));
        }
    }
}
