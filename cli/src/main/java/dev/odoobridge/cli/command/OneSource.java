package dev.odoobridge.cli.command;

import dev.odoobridge.cli.runtime.BridgeRuntime;
import picocli.CommandLine.Option;

/** The {@code --source} option of commands that work on one source: the named one, or the only one configured. */
final class OneSource {
    @Option(names = "--source", paramLabel = "NAME", description = "The source (default: the only one).")
    String name;

    /** The chosen source's name; a usage failure when none is named and several are configured, or the name is unknown. */
    String resolve(BridgeRuntime runtime) {
        return Selection.oneSource(runtime, name);
    }
}
