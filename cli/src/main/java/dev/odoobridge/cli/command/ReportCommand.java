package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.Granularity;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.SalesPeriod;
import dev.odoobridge.readmodel.report.SalesQuery;
import dev.odoobridge.readmodel.report.TopProduct;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.sync.report.OdooReportCheck;
import dev.odoobridge.sync.report.OdooStockCheck;
import dev.odoobridge.sync.report.ReportDifference;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Reports over the read model (MongoDB; Odoo is asked only for the list of vendors and the user's time zone,
 * and with {@code --check} for its own figures).
 */
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
            description = {"Low-stock (on hand at or below the reordering rule's minimum, or the configured threshold), "
                    + "near-expiry and expired alerts.",
                "--check recomputes stock status, low-stock alerts and (where the server has lot expiry dates) the "
                    + "near-expiry and expired lot alerts on the Odoo server and exits 10 on any difference."},
            footer = {"%nExamples:%n  odoo-bridge report alerts --source shop",
                "  odoo-bridge report alerts --vendor orders@acme.example --check"})
    public static final class Alerts implements Callable<Integer> {
        @Mixin
        ReportScope scope;

        @Option(names = "--check", description = "Recompute on hand (qty_available), thresholds (reordering rules), stock "
                + "status, low-stock alerts and the lots expired (expiration_date <= now, product_expiry's definition) or "
                + "expiring within the near-expiry days with stock in internal locations on the Odoo server and print "
                + "each difference; exit code 10 when any. Lots are skipped where the server has no expiry dates.")
        boolean check;

        private final CommandContext ctx;

        /** A command over the context. */
        public Alerts(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            BridgeRuntime rt = ctx.runtime();
            Reports reports = rt.readModel().reports();
            VendorScope vendors = scope.resolve(rt);
            PrintWriter out = ctx.console().out();
            Table t = new Table("kind", "source", "product", "name", "quantity", "threshold", "lot", "expires");
            for (Alert a : reports.alerts(vendors)) {
                t.row(a.kind().name().toLowerCase(java.util.Locale.ROOT), a.source(), a.productId(), a.productName(),
                        a.quantity(), a.threshold(), a.lotName() == null ? "" : a.lotName(),
                        a.expirationDate() == null ? "" : a.expirationDate());
            }
            if (t.isEmpty()) {
                out.println("No alerts.");
            } else {
                t.print(out);
            }
            int code = ExitCode.OK.code();
            if (check) {
                code = printChecks(out, vendors.partnersBySource().keySet().stream().sorted().toList(),
                        source -> stockChecks(out, new OdooStockCheck(rt.odoo(source), source, reports), source, vendors,
                                rt.config().stock().nearExpiryDays()));
            }
            out.flush();
            return code;
        }
    }

    /** Stock status, low-stock and lot expiry differences of one source; says when lots cannot be checked. */
    static List<ReportDifference> stockChecks(PrintWriter out, OdooStockCheck check, String source, VendorScope vendors,
                                              int nearExpiryDays) {
        List<ReportDifference> found = new ArrayList<>(check.stockStatus(vendors));
        // "now" as close as can be to the read model's own (its clock is the system's)
        check.lotExpiry(vendors, nearExpiryDays, Instant.now()).ifPresentOrElse(found::addAll,
                () -> out.printf("- %s: lot expiry alerts not checked: the server has no stock.lot.expiration_date "
                        + "(install product_expiry)%n", source));
        return found;
    }

    /** {@code report sales}. */
    @Command(name = "sales", mixinStandardHelpOptions = true,
            description = {"Sales per day, week or month: confirmed order lines (order state sale) of every product "
                    + "kind — storable, consumable, service, archived — without section and note lines, dated by the "
                    + "order's date_order in the chosen time zone, as Odoo's sales analysis counts them.",
                "--check recomputes every figure on the Odoo server and exits 10 on any difference."},
            footer = {"%nExamples:%n  odoo-bridge report sales --by week --from 2025-01-01 --to 2025-03-31",
                "  odoo-bridge report sales --by month --tz Europe/Brussels --check"})
    public static final class Sales implements Callable<Integer> {
        @Mixin
        ReportScope scope;

        @Mixin
        SalesOptions options;

        @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "day",
                description = "Period: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Granularity by;

        @Option(names = "--from", paramLabel = "DATE", description = "First day (default: 30 days before --to).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day (default: today in the time zone).")
        LocalDate to;

        private final CommandContext ctx;

        /** A command over the context. */
        public Sales(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            BridgeRuntime rt = ctx.runtime();
            SalesQuery query = options.query(rt, scope);
            LocalDate end = to != null ? to : LocalDate.now(query.zone());
            LocalDate start = from != null ? from : end.minusDays(29);
            PrintWriter out = ctx.console().out();
            SalesOptions.describe(out, query);
            Table t = new Table("period", "quantity", "amount", "lines");
            for (SalesPeriod p : rt.readModel().reports().sales(query, by, start, end)) {
                t.row(p.start(), String.format("%.2f", p.quantity()), String.format("%.2f", p.amount()), p.lines());
            }
            t.print(out);
            int code = ExitCode.OK.code();
            if (options.check) {
                code = printChecks(out, checkedSources(rt, query),
                        source -> new OdooReportCheck(rt.odoo(source), source, rt.readModel().reports())
                                .sales(query, by, start, end));
            }
            out.flush();
            return code;
        }
    }

    /** {@code report top}. */
    @Command(name = "top", mixinStandardHelpOptions = true,
            description = {"Best sellers by quantity among confirmed order lines (order state sale) of every product "
                    + "kind, without section and note lines, over the last N days in the chosen time zone.",
                "--check recomputes every figure on the Odoo server and exits 10 on any difference."},
            footer = {"%nExamples:%n  odoo-bridge report top --limit 20", "  odoo-bridge report top --days 30 --taxed --check"})
    public static final class Top implements Callable<Integer> {
        @Mixin
        ReportScope scope;

        @Mixin
        SalesOptions options;

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
        public Integer call() {
            BridgeRuntime rt = ctx.runtime();
            SalesQuery query = options.query(rt, scope);
            LocalDate end = LocalDate.now(query.zone());
            LocalDate start = end.minusDays(Math.max(1, days) - 1L);
            int n = Math.max(1, limit);
            PrintWriter out = ctx.console().out();
            SalesOptions.describe(out, query);
            Table t = new Table("source", "product", "name", "quantity", "amount", "lines");
            for (TopProduct p : rt.readModel().reports().topProducts(query, start, end, n)) {
                t.row(p.source(), p.productId(), p.name(), String.format("%.2f", p.quantity()), String.format("%.2f", p.amount()),
                        p.lines());
            }
            t.print(out);
            int code = ExitCode.OK.code();
            if (options.check) {
                code = printChecks(out, checkedSources(rt, query),
                        source -> new OdooReportCheck(rt.odoo(source), source, rt.readModel().reports())
                                .topProducts(query, start, end, n));
            }
            out.flush();
            return code;
        }
    }

    /** The sources a sales query reports on. */
    static List<String> checkedSources(BridgeRuntime rt, SalesQuery query) {
        return query.sources().isEmpty() ? rt.sourceNames() : query.sources().stream().sorted().toList();
    }

    /** Runs a check per source, prints each difference; the exit code (10 on any difference). */
    static int printChecks(PrintWriter out, List<String> sources, Function<String, List<ReportDifference>> check) {
        long differences = 0;
        for (String source : sources) {
            List<ReportDifference> found = check.apply(source);
            out.printf("%s %s: %d difference(s) with Odoo's own figures%n", found.isEmpty() ? "✓" : "✗", source, found.size());
            for (ReportDifference d : found) {
                out.printf("    %s %s %s: odoo %s, read model %s%n", d.report(), d.key(), d.figure(),
                        SyncVerifyCommand.plain(d.odoo()), SyncVerifyCommand.plain(d.readModel()));
            }
            differences += found.size();
        }
        if (differences > 0) {
            out.println("Reports differ from Odoo: " + differences + " difference(s). Check `odoo-bridge sync verify` "
                    + "for drift, then `odoo-bridge sync run`.");
            return ExitCode.DRIFT.code();
        }
        out.println("Reports equal Odoo's figures.");
        return ExitCode.OK.code();
    }
}
