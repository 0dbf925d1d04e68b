package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Recomputes the stock views of one source, or of every configured source, from the synced records. */
@Command(name = "rebuild-stock", mixinStandardHelpOptions = true,
        description = {"Recompute the product and lot stock views in MongoDB from the records already synced (no Odoo "
                + "call): for views built by an earlier version, e.g. before they kept each product's daily deliveries, "
                + "which the sales velocity and the portal's dashboard then read from the stock moves instead.",
            "Views are otherwise rebuilt only when something of their product changes. Unchanged views are not written; "
                + "safe to run while the sync runs."},
        footer = {"%nExamples:%n  odoo-bridge sync rebuild-stock", "  odoo-bridge sync rebuild-stock --source shop"})
public final class SyncRebuildStockCommand implements Runnable {
    @Option(names = "--source", paramLabel = "NAME", description = "Only this source (default: every configured source).")
    String source;

    private final CommandContext ctx;

    /** A command over the context. */
    public SyncRebuildStockCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        BridgeRuntime rt = ctx.runtime();
        List<String> sources = source == null ? rt.sourceNames() : List.of(source);
        if (source != null) {
            rt.source(source);
        }
        PrintWriter out = ctx.console().out();
        for (String s : sources) {
            long started = System.nanoTime();
            long rebuilt = rt.readModel().stock().rebuild(s);
            out.printf("Rebuilt the stock views of %s: %d product(s) in %.1f s.%n", s, rebuilt,
                    (System.nanoTime() - started) / 1e9);
        }
        out.flush();
    }
}
