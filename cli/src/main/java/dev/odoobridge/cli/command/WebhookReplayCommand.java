package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.sync.webhook.EventFilter;
import dev.odoobridge.sync.webhook.ReplayPlan;
import dev.odoobridge.sync.webhook.WebhookEvent;
import dev.odoobridge.sync.webhook.WebhookInbox;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Puts inbox events back to pending so a running processor handles them again. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay webhook events: mark the selected events pending again, so a running "
                + "`webhook serve` re-reads their records from Odoo. Select by id, time range, model, source or "
                + "status; at least one selector is required.",
            "--dry-run lists what would be replayed and changes nothing."},
        footer = {"%nExamples:%n  odoo-bridge webhook replay --status failed --dry-run",
            "  odoo-bridge webhook replay --id 17 --id 18", "  odoo-bridge webhook replay --since 2025-01-31 --model sale.order"})
public final class WebhookReplayCommand implements Runnable {
    @Option(names = "--id", paramLabel = "ID", split = ",", description = "Event ids (repeatable or comma-separated).")
    List<Long> ids = new ArrayList<>();

    @Mixin
    InboxFilter filter;

    @Option(names = "--dry-run", description = "Only list the events that would be replayed.")
    boolean dryRun;

    private final CommandContext ctx;

    /** A command over the context. */
    public WebhookReplayCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        EventFilter f = filter.toFilter(ids);
        if (f.equals(EventFilter.all())) {
            throw new CliFailure(ExitCode.USAGE, "choose what to replay: --id, --since/--until, --model, --source "
                    + "or --status (e.g. --status failed)");
        }
        ReplayPlan plan = WebhookInbox.of(ctx.runtime().stateDatabase()).replay(f, dryRun);
        PrintWriter out = ctx.console().out();
        Table t = new Table("id", "source", "model", "record", "action", "received", "status");
        for (WebhookEvent e : plan.events()) {
            t.row(e.id(), e.source(), e.model(), e.recordId(), e.action(), e.receivedAt(),
                    e.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!t.isEmpty()) {
            t.print(out);
        }
        out.println(plan.applied() ? plan.size() + " event(s) marked pending; a running `webhook serve` processes them."
                : plan.size() + " event(s) would be replayed (dry run; nothing changed).");
        out.flush();
    }
}
