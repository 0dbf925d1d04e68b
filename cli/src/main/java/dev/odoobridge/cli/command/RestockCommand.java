package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.SyncProgress;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.vendors.restock.CreatedOrder;
import dev.odoobridge.vendors.restock.RestockLine;
import dev.odoobridge.vendors.restock.RestockOrder;
import dev.odoobridge.vendors.restock.RestockPlan;
import dev.odoobridge.vendors.restock.RestockPlanner;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code restock propose}: restock proposals for a vendor's urgent products, optionally created as draft POs. */
@Command(name = "restock", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Restock proposals for a vendor's urgent products.",
        subcommands = {RestockCommand.Propose.class})
public final class RestockCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** {@code restock propose}. */
    @Command(name = "propose", mixinStandardHelpOptions = true,
            description = {"Propose purchase quantities for the vendor's URGENT products: cover days × forecast daily "
                    + "demand + threshold − on hand − incoming, at least the supplier's minimum and rounded up to it. "
                    + "A dry run by default: prints the proposed orders and why.",
                "--apply creates them as draft purchase orders in the shop's Odoo (never confirmed) and re-syncs "
                    + "purchase.order and purchase.order.line."},
            footer = {"%nExamples:%n  odoo-bridge restock propose --vendor orders@acme.example --days 30",
                "  odoo-bridge restock propose --vendor orders@acme.example --apply"})
    public static final class Propose implements Callable<Integer> {
        @Option(names = "--vendor", required = true, paramLabel = "VENDOR", description = "The vendor (linked with `vendor link`).")
        String vendor;

        @Option(names = "--days", paramLabel = "N", defaultValue = "" + RestockPlanner.DEFAULT_COVER_DAYS,
                description = "Days of demand each order covers (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--window", paramLabel = "N", description = "Sales window of the forecast in days (default: "
                + Reports.DEFAULT_WINDOW_DAYS + ").")
        Integer window;

        @Option(names = "--apply", description = "Create the proposed orders as draft purchase orders in Odoo.")
        boolean apply;

        private final CommandContext ctx;

        /** A command over the context. */
        public Propose(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            int w = window != null ? window : Reports.DEFAULT_WINDOW_DAYS;
            if (days < 1 || w < 1) {
                throw new CliFailure(ExitCode.USAGE, "--days and --window must be at least 1");
            }
            BridgeRuntime rt = ctx.runtime();
            ReadModel model = rt.readModel();
            RestockPlanner planner = new RestockPlanner(model.reports(), rt.odooClients(), model.stock());
            RestockPlan plan = planner.plan(rt.vendorLinking().scopeOf(vendor), days, w);
            PrintWriter out = ctx.console().out();
            print(plan, out);
            if (!apply || plan.isEmpty()) {
                if (!plan.isEmpty()) {
                    out.println("Dry run: nothing was created. Run again with --apply to create draft purchase orders.");
                }
                out.flush();
                return ExitCode.OK.code();
            }
            boolean resync = rt.config().sync().models().containsAll(RestockPlanner.PURCHASE_MODELS);
            List<CreatedOrder> created;
            try (SyncProgress progress = new SyncProgress(ctx.console().err(), 0, false)) {
                created = resync ? planner.apply(plan, rt.syncEngine(progress)) : planner.apply(plan);
            }
            for (CreatedOrder c : created) {
                out.println("Created draft purchase.order " + c.orderId() + " in " + c.source() + " for partner "
                        + c.partnerId() + " with " + c.lineIds().size() + " line(s).");
            }
            out.println(resync ? "Re-synced purchase.order and purchase.order.line."
                    : "purchase.order / purchase.order.line are not in sync.models: the read model does not show them.");
            out.flush();
            return ExitCode.OK.code();
        }

        private static void print(RestockPlan plan, PrintWriter out) {
            out.println("Restock proposal covering " + plan.coverDays() + " days (forecast over " + plan.windowDays()
                    + " days), computed at " + plan.computedAt());
            if (plan.isEmpty()) {
                out.println("Nothing to order: " + (plan.covered().isEmpty() ? "no urgent product."
                        : plan.covered().size() + " urgent product(s), all covered by stock and incoming."));
                return;
            }
            for (RestockOrder o : plan.orders()) {
                out.printf(Locale.ROOT, "%nOrder to %s (partner %d) in %s: %d line(s), total %.2f%n", o.partnerName(),
                        o.partnerId(), o.source(), o.lines().size(), o.total());
                Table t = new Table("product", "name", "on hand", "incoming", "per day", "quantity", "price", "why");
                for (RestockLine l : o.lines()) {
                    t.row(l.productId(), l.productName(), num(l.onHand()), num(l.incoming()), num(l.dailyDemand()),
                            num(l.quantity()), num(l.unitPrice()), l.reason());
                }
                t.print(out);
            }
            if (!plan.covered().isEmpty()) {
                out.println();
                out.println(plan.covered().size() + " urgent product(s) already covered by stock and incoming.");
            }
        }

        private static String num(double d) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
    }
}
