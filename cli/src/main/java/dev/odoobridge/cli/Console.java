package dev.odoobridge.cli;

import java.io.PrintWriter;

/**
 * Where commands write: {@link #out()} for results (tables, CSV, JSON), {@link #err()} for
 * progress and messages. Results stay clean for pipes.
 */
public final class Console {
    private final PrintWriter out;
    private final PrintWriter err;

    Console(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Result stream. */
    public PrintWriter out() {
        return out;
    }

    /** Message stream. */
    public PrintWriter err() {
        return err;
    }
}
