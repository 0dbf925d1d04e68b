package dev.odoobridge.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code webhook} group. */
@Command(name = "webhook", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Receive Odoo's \"Send Webhook Notification\" posts, inspect and replay the inbox, install the automation rules that send them.",
        subcommands = {WebhookServeCommand.class, WebhookListCommand.class, WebhookReplayCommand.class,
            WebhookInstallCommand.class, WebhookUninstallCommand.class, WebhookStatusCommand.class})
public final class WebhookCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
