package dev.odoobridge.cli;

import picocli.CommandLine;

/** The command tree. */
final class Commands {
    private Commands() {
    }

    static void register(CommandLine root) {
        root.addSubcommand(dev.odoobridge.cli.command.CheckCommand.class);
        root.addSubcommand(dev.odoobridge.cli.command.SyncCommand.class);
        root.addSubcommand(dev.odoobridge.cli.command.WebhookCommand.class);
        root.addSubcommand(dev.odoobridge.cli.command.ServeCommand.class);
        root.addSubcommand(dev.odoobridge.cli.command.VendorCommand.class);
        root.addSubcommand(dev.odoobridge.cli.command.ReportCommand.class);
        root.addSubcommand(dev.odoobridge.cli.command.RestockCommand.class);
        root.addSubcommand(dev.odoobridge.cli.command.ModelsCommand.class);
        root.addSubcommand(dev.odoobridge.cli.command.CodegenCommand.class);
        root.addSubcommand(dev.odoobridge.cli.command.BenchCommand.class);
        root.addSubcommand(dev.odoobridge.cli.command.FakeOdooCommand.class);
        root.addSubcommand("generate-completion", new picocli.AutoComplete.GenerateCompletion());
        root.addSubcommand(dev.odoobridge.cli.demo.DemoCommand.class);
    }
}
