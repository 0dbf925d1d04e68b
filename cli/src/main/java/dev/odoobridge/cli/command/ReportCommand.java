package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.Granularity;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.SalesPeriod;
import dev.odoobridge.readmodel.report.TopProduct;
import java.time.LocalDate;
import java.time.ZoneOffset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reports over the read model (MongoDB only; Odoo is asked only for the list of vendors). */
@Command(name = "report", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"Reports from the MongoDB read model: a vendor's stock report, stock alerts, sales per period, "
                + "best sellers.", "--vendor limits any of them to the partners that vendor is linked to."},
        subcommands = {ReportStockCommand.class, ReportCommand.Alerts.class, ReportCommand.Sales.class, ReportCommand.Top.class})
public final class ReportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** {@code report alerts}. */
    @Command(name = "alerts", mixinStandardHelpOptions = true,
            description = "Low-stock, near-expiry and expired alerts.",
            footer = {"%nExamples:%n  odoo-bridge report alerts --source shop",
                "  odoo-bridge report alerts --vendor orders@acme.example"})
    public static final class Alerts implements Runnable {
        @Mixin
        ReportScope scope;

        private final CommandContext ctx;

        /** A command over the context. */
        public Alerts(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Reports reports = ctx.runtime().readModel().reports();
            Table t = new Table("kind", "source", "product", "name", "quantity", "threshold", "lot", "expires");
            for (Alert a : reports.alerts(scope.resolve(ctx.runtime()))) {
                t.row(a.kind().name().toLowerCase(java.util.Locale.ROOT), a.source(), a.productId(), a.productName(),
                        a.quantity(), a.threshold(), a.lotName() == null ? "" : a.lotName(),
                        a.expirationDate() == null ? "" : a.expirationDate());
            }
            if (t.isEmpty()) {
                ctx.console().out().println("No alerts.");
            } else {
                t.print(ctx.console().out());
            }
            ctx.console().out().flush();
        }
    }

    /** {@code report sales}. */
    @Command(name = "sales", mixinStandardHelpOptions = true,
            description = "Sales of confirmed orders per day, week or month.",
            footer = {"%nExample:%n  odoo-bridge report sales --by week --from 2025-01-01 --to 2025-03-31"})
    public static final class Sales implements Runnable {
        @Mixin
        ReportScope scope;

        @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "day",
                description = "Period: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Granularity by;

        @Option(names = "--from", paramLabel = "DATE", description = "First day (default: 30 days ago).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day (default: today, UTC).")
        LocalDate to;

        private final CommandContext ctx;

        /** A command over the context. */
        public Sales(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            LocalDate end = to != null ? to : LocalDate.now(ZoneOffset.UTC);
            LocalDate start = from != null ? from : end.minusDays(29);
            Table t = new Table("period", "quantity", "amount", "lines");
            for (SalesPeriod p : ctx.runtime().readModel().reports().sales(scope.resolve(ctx.runtime()), by, start, end)) {
                t.row(p.start(), String.format("%.2f", p.quantity()), String.format("%.2f", p.amount()), p.lines());
            }
            t.print(ctx.console().out());
        }
    }

    /** {@code report top}. */
    @Command(name = "top", mixinStandardHelpOptions = true,
            description = "Best sellers by quantity in confirmed orders.",
            footer = {"%nExample:%n  odoo-bridge report top --limit 20"})
    public static final class Top implements Runnable {
        @Mixin
        ReportScope scope;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--days", paramLabel = "N", defaultValue = "120", description = "Over the last N days (default: ${DEFAULT-VALUE}).")
        int days;

        private final CommandContext ctx;

        /** A command over the context. */
        public Top(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            LocalDate end = LocalDate.now(ZoneOffset.UTC);
            Table t = new Table("source", "product", "name", "quantity", "amount");
            for (TopProduct p : ctx.runtime().readModel().reports().topProducts(scope.resolve(ctx.runtime()),
                    end.minusDays(Math.max(1, days) - 1L), end, Math.max(1, limit))) {
                t.row(p.source(), p.productId(), p.name(), String.format("%.2f", p.quantity()), String.format("%.2f", p.amount()));
            }
            t.print(ctx.console().out());
        }
    }
}
