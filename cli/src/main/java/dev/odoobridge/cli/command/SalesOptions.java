package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.readmodel.report.AmountBasis;
import dev.odoobridge.readmodel.report.SalesQuery;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options of the sales reports ({@code report sales}, {@code report top}): the time zone of the order
 * dates, untaxed or taxed amounts, and {@code --check} against Odoo.
 */
final class SalesOptions {
    @Option(names = "--tz", paramLabel = "ZONE",
            description = "Time zone in which order dates fall into days, weeks and months, and in which --from/--to "
                    + "are read, e.g. Europe/Brussels (default: the Odoo user's tz, as res.users.context_get "
                    + "returns it for the first source; UTC when it has none).")
    String tz;

    @Option(names = "--taxed", description = "Sum the lines' price_total (taxes included) instead of price_subtotal (untaxed).")
    boolean taxed;

    @Option(names = "--check", description = "Recompute every figure on the Odoo server (read_group / formatted_read_group) "
            + "and print each difference; exit code 10 when any.")
    boolean check;

    /** The query of {@code scope} with these options; asks Odoo for the user's tz when no --tz was given. */
    SalesQuery query(BridgeRuntime rt, ReportScope scope) {
        SalesQuery q = scope.salesQuery(rt).withAmount(taxed ? AmountBasis.TAXED : AmountBasis.UNTAXED);
        return q.withZone(zone(rt, q));
    }

    private ZoneId zone(BridgeRuntime rt, SalesQuery q) {
        if (tz != null) {
            try {
                return ZoneId.of(tz);
            } catch (DateTimeException e) {
                throw new CliFailure(ExitCode.USAGE, "--tz " + tz + " is not a time zone (try e.g. Europe/Brussels or UTC)");
            }
        }
        List<String> sources = q.sources().isEmpty() ? rt.sourceNames() : q.sources().stream().sorted().toList();
        if (sources.isEmpty()) {
            return ZoneOffset.UTC;
        }
        Object context = rt.odoo(sources.get(0)).model("res.users").call("context_get", null, Map.of());
        if (context instanceof Map<?, ?> m && m.get("tz") instanceof String name && !name.isBlank()) {
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                return ZoneOffset.UTC;
            }
        }
        return ZoneOffset.UTC;
    }

    /** The first output line: what the figures count. */
    static void describe(PrintWriter out, SalesQuery q) {
        out.printf("Confirmed order lines (order state %s) of every product kind, section and note lines left out%s; "
                        + "amounts %s; order dates in %s.%n", String.join(", ", SalesQuery.CONFIRMED_STATES),
                q.vendor() == null ? "" : ", the vendor's products only",
                q.amount() == AmountBasis.TAXED ? "taxes included (price_total)" : "untaxed (price_subtotal)", q.zone().getId());
    }
}
