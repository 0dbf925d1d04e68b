package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.sync.Drift;
import dev.odoobridge.sync.DriftReport;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.VerifyOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Compares Odoo with MongoDB and prints each difference. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare Odoo and MongoDB: counts, ids, the field values of a sample (or of every record) "
                + "and the product stock views against Odoo's qty_available. Prints each difference.",
            "Exit code 10 when any drift is found."},
        footer = {"%nExamples:%n  odoo-bridge sync verify", "  odoo-bridge sync verify --source shop --model res.partner --all"})
public final class SyncVerifyCommand implements Callable<Integer> {
    @Option(names = "--source", paramLabel = "NAME", split = ",", description = "Only these sources (default: all).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--model", paramLabel = "MODEL", split = ",", description = "Only these models (default: all synced).")
    List<String> models = new ArrayList<>();

    @ArgGroup(exclusive = true)
    Depth depth = new Depth();

    @Option(names = "--max-print", paramLabel = "N", defaultValue = "50",
            description = "Print at most N differences per model (default: ${DEFAULT-VALUE}).")
    int maxPrint;

    private final CommandContext ctx;

    /** A command over the context. */
    public SyncVerifyCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** --sample N or --all. */
    static final class Depth {
        @Option(names = "--sample", paramLabel = "N", defaultValue = "200",
                description = "Compare the fields of N random records (default: ${DEFAULT-VALUE}).")
        int sample = 200;

        @Option(names = "--all", description = "Compare the fields of every record.")
        boolean all;
    }

    @Override
    public Integer call() {
        BridgeRuntime rt = ctx.runtime();
        List<String> src = Selection.sources(rt, sources);
        List<String> mod = Selection.models(rt, models);
        VerifyOptions options = new VerifyOptions(depth.all ? VerifyOptions.ALL : depth.sample, 1L, true);
        SyncEngine engine = rt.syncEngine(SyncListener.NONE);
        PrintWriter out = ctx.console().out();
        long drifts = 0;
        for (String s : src) {
            for (String m : mod) {
                DriftReport r = engine.verify(s, m, options);
                out.printf("%s %s %s: odoo %d, mongodb %d, %d compared, %d difference(s)%n", r.isClean() ? "✓" : "✗",
                        s, m, r.odooCount(), r.mongoCount(), r.comparedRecords(), r.drifts().size());
                r.drifts().stream().limit(maxPrint).forEach(d -> out.println("    " + describe(d)));
                if (r.drifts().size() > maxPrint) {
                    out.println("    ... and " + (r.drifts().size() - maxPrint) + " more");
                }
                drifts += r.drifts().size();
            }
        }
        if (drifts > 0) {
            out.println("Drift found: " + drifts + " difference(s). Repair with `odoo-bridge sync run --full "
                    + "--reconcile` (or `sync reset` for a model, then `sync run`).");
        } else {
            out.println("No drift.");
        }
        out.flush();
        return drifts > 0 ? ExitCode.DRIFT.code() : ExitCode.OK.code();
    }

    private static String describe(Drift d) {
        return switch (d.kind()) {
            case COUNT -> "count differs: odoo " + plain(d.odooValue()) + ", mongodb " + plain(d.mongoValue());
            case MISSING_IN_MONGO -> "id " + d.odooId() + " is in Odoo but missing in MongoDB";
            case EXTRA_IN_MONGO -> "id " + d.odooId() + " is in MongoDB but no longer in Odoo";
            case FIELD_MISMATCH, STOCK_MISMATCH -> "id " + d.odooId() + " field " + d.field() + ": odoo "
                    + plain(d.odooValue()) + ", mongodb " + plain(d.mongoValue());
        };
    }

    /** A value as people write it: decimals plainly ({@code -90}, {@code 470}, {@code 4.5}), never {@code 4.7E+2}. */
    static String plain(Object value) {
        if (value instanceof java.math.BigDecimal d) {
            java.math.BigDecimal stripped = d.signum() == 0 ? java.math.BigDecimal.ZERO : d.stripTrailingZeros();
            return stripped.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return plain(java.math.BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        return String.valueOf(value);
    }
}
