package dev.odoobridge.cli;

import java.util.Objects;

/** An expected failure of a command: a message for the user and an exit code; no stack trace unless -v. */
public final class CliFailure extends RuntimeException {
    private final ExitCode exitCode;

    public CliFailure(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public CliFailure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode == null");
    }

    /** The exit code to return. */
    public ExitCode exitCode() {
        return exitCode;
    }
}
