package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.sync.SyncListener;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Forgets a (source, model): deletes its checkpoint and its documents. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Delete the checkpoint and every MongoDB document of one (source, model); the next "
                + "`sync run` reads it again from the beginning.",
            "Asks for confirmation on a terminal; in scripts pass --yes."},
        footer = {"%nExample:%n  odoo-bridge sync reset --source shop --model product.product --yes"})
public final class SyncResetCommand implements Runnable {
    @Option(names = "--source", paramLabel = "NAME", required = true, description = "The source.")
    String source;

    @Option(names = "--model", paramLabel = "MODEL", required = true, description = "The model.")
    String model;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    private final CommandContext ctx;

    /** A command over the context. */
    public SyncResetCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        BridgeRuntime rt = ctx.runtime();
        rt.source(source);
        Selection.models(rt, List.of(model));
        if (!yes) {
            java.io.Console terminal = System.console();
            String answer = terminal == null ? null
                    : terminal.readLine("Delete the checkpoint and all documents of %s %s? [y/N] ", source, model);
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                throw new CliFailure(ExitCode.USAGE, "not confirmed: nothing was reset (pass --yes to confirm in scripts)");
            }
        }
        long deleted = rt.syncEngine(SyncListener.NONE).reset(source, model);
        ctx.console().out().println("Reset " + source + " " + model + ": checkpoint removed, " + deleted
                + " document(s) deleted. The next `sync run` reads it from the beginning.");
        ctx.console().out().flush();
    }
}
