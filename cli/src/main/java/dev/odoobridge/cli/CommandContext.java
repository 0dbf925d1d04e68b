package dev.odoobridge.cli;

import dev.odoobridge.cli.config.BridgeConfig;
import dev.odoobridge.cli.config.ConfigLoader;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import java.util.Objects;

/**
 * What every command gets: the output {@link Console}, the global options, the configuration
 * (loaded on first use) and the {@link BridgeRuntime} (opened on first use, closed after the
 * command by the command line).
 */
public final class CommandContext {
    private final Console console;
    private final GlobalOptions options;
    private final ConfigLoader loader;
    private BridgeConfig config;
    private BridgeRuntime runtime;

    CommandContext(Console console, GlobalOptions options, ConfigLoader loader) {
        this.console = Objects.requireNonNull(console, "console == null");
        this.options = Objects.requireNonNull(options, "options == null");
        this.loader = Objects.requireNonNull(loader, "loader == null");
    }

    /** Where to print. */
    public Console console() {
        return console;
    }

    /** The global options. */
    public GlobalOptions options() {
        return options;
    }

    /** The configuration from {@code --config}; a configuration error when missing or invalid. */
    public BridgeConfig config() {
        if (config == null) {
            config = loader.load(options.config());
        }
        return config;
    }

    /** The runtime over the configuration. */
    public BridgeRuntime runtime() {
        if (runtime == null) {
            runtime = new BridgeRuntime(config());
        }
        return runtime;
    }

    /** How a failure would be reported: exit code, message and hint (the same mapping as for a failed command). */
    public Explained explain(Throwable failure) {
        FailureMapper.Mapped m = FailureMapper.map(Objects.requireNonNull(failure, "failure == null"));
        return new Explained(m.code(), m.message(), m.hint());
    }

    /** Closes the runtime, if one was opened. */
    void close() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    /**
     * A failure as the user sees it.
     *
     * @param code the exit code it maps to
     * @param message what went wrong
     * @param hint what to do, or null
     */
    public record Explained(ExitCode code, String message, String hint) {
    }
}
