package dev.odoobridge.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sync} group. */
@Command(name = "sync", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Keep MongoDB equal to Odoo: run, inspect, verify and reset the sync; rebuild the stock views.",
        subcommands = {SyncRunCommand.class, SyncStatusCommand.class, SyncVerifyCommand.class,
            SyncResetCommand.class, SyncRebuildStockCommand.class})
public final class SyncCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
