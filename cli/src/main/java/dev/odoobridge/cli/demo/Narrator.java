package dev.odoobridge.cli.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * The demo's voice: numbered steps and indented details on the command's output stream, where the
 * sync progress draws too.
 */
final class Narrator {
    private final PrintWriter out;
    private int step;

    Narrator(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out == null");
    }

    /** The stream the demo speaks on. */
    PrintWriter stream() {
        return out;
    }

    void step(String title) {
        step++;
        out.println();
        out.println("[" + step + "] " + title);
        out.flush();
    }

    void line(String format, Object... args) {
        out.println("    " + String.format(Locale.ROOT, format, args));
        out.flush();
    }

    void raw(String text) {
        out.println(text);
        out.flush();
    }
}
