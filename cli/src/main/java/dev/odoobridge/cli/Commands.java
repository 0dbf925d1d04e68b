package dev.odoobridge.cli;

import picocli.CommandLine;

/** The command tree. */
final class Commands {
    private Commands() {
    }

    static void register(CommandLine root) {
        root.addSubcommand("generate-completion", new picocli.AutoComplete.GenerateCompletion());
        root.addSubcommand(dev.odoobridge.cli.demo.DemoCommand.class);
    }
}
