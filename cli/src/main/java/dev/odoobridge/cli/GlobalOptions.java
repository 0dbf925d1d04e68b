package dev.odoobridge.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options accepted by every command. */
public final class GlobalOptions {
    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: ${DEFAULT-VALUE}).", defaultValue = "odoo-bridge.yaml")
    Path config;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More output: -v debug logs and stack traces, -vv trace logs.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--log-format", paramLabel = "text|json", scope = ScopeType.INHERIT, defaultValue = "text",
            description = "Log line format on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = LogFormats.class)
    String logFormat;

    @Option(names = "--no-progress", scope = ScopeType.INHERIT,
            description = "Never draw progress bars (they are drawn only on a terminal anyway).")
    boolean noProgress;

    /** The configuration file path. */
    public Path config() {
        return config;
    }

    /** 0 = normal, 1 = -v, 2 = -vv. */
    public int verbosity() {
        return verbose.length;
    }

    /** text or json. */
    public String logFormat() {
        return logFormat;
    }

    /** True when progress bars may be drawn. */
    public boolean progress() {
        return !noProgress && System.console() != null;
    }

    /** Values for --log-format completion. */
    static final class LogFormats extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        LogFormats() {
            super(java.util.List.of("text", "json"));
        }
    }
}
