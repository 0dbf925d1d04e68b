package dev.odoobridge.cli.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/** The demo's voice: numbered steps and indented details on stdout, progress on stderr. */
final class Narrator {
    private final PrintWriter out;
    private final PrintWriter err;
    private int step;

    Narrator(PrintWriter out, PrintWriter err) {
        this.out = Objects.requireNonNull(out, "out == null");
        this.err = Objects.requireNonNull(err, "err == null");
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

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }
}
