package dev.odoobridge.cli.demo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the demo runs with.
 *
 * @param home working directory (the embedded PostgreSQL keeps its data under it)
 * @param exports where the vendor exports go
 * @param products products FakeOdoo generates
 * @param seed seed of the generated data
 * @param progressBars draw progress bars (on a terminal) instead of plain lines
 */
record DemoSettings(Path home, Path exports, int products, long seed, boolean progressBars) {
    DemoSettings {
        Objects.requireNonNull(home, "home == null");
        Objects.requireNonNull(exports, "exports == null");
    }

    /** The embedded PostgreSQL data directory. */
    Path stateDirectory() {
        return home.resolve("postgres");
    }
}
