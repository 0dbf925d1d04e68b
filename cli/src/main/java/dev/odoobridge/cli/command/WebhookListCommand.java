package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.sync.webhook.WebhookEvent;
import dev.odoobridge.sync.webhook.WebhookInbox;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists inbox events. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List webhook events in the inbox, newest first, with their status, attempts and last error.",
        footer = {"%nExamples:%n  odoo-bridge webhook list --status failed",
            "  odoo-bridge webhook list --source shop --model sale.order --limit 20"})
public final class WebhookListCommand implements Runnable {
    @Mixin
    InboxFilter filter;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N events (default: ${DEFAULT-VALUE}).")
    int limit;

    private final CommandContext ctx;

    /** A command over the context. */
    public WebhookListCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        List<WebhookEvent> events = WebhookInbox.of(ctx.runtime().stateDatabase()).list(filter.toFilter(List.of()),
                Math.max(1, limit));
        PrintWriter out = ctx.console().out();
        Table t = new Table("id", "source", "model", "record", "action", "received", "status", "attempts", "error");
        for (WebhookEvent e : events) {
            t.row(e.id(), e.source(), e.model(), e.recordId(), e.action(), e.receivedAt(),
                    e.status().name().toLowerCase(java.util.Locale.ROOT), e.attempts(),
                    e.lastError() == null ? "" : e.lastError());
        }
        if (t.isEmpty()) {
            out.println("No matching events.");
        } else {
            t.print(out);
        }
        out.flush();
    }
}
