package dev.odoobridge.cli.demo;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.ExitCode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code odoo-bridge demo}: the whole pipeline on embedded servers, nothing to install but a JDK. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Runs odoo-bridge end to end with nothing to install but a JDK: starts FakeOdoo (an in-process Odoo 19"
                + " with generated retail data), an embedded PostgreSQL (sync state, webhook inbox, vendor links) and an"
                + " embedded MongoDB-compatible store (the read model, in memory); runs a full sync; makes live changes"
                + " in Odoo (a sale, a delivery, a deletion) that arrive through webhooks; links the demo vendor with a"
                + " one-time code; prints the vendor's stock report and writes CSV / JSON / HTML exports.",
            "PostgreSQL's data and the exports go under --dir; the demo's own data there is replaced on every run."
        })
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "odoo-bridge-demo",
            description = "Working directory for the embedded PostgreSQL and the exports (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the vendor exports are written (default: <dir>/exports).")
    Path out;

    @Option(names = "--products", paramLabel = "N", defaultValue = "150",
            description = "Products FakeOdoo generates, with their sales history (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the generated data; the same seed gives the same shop (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (products < 20 || products > 20_000) {
            throw new CliFailure(ExitCode.USAGE, "--products must be between 20 and 20000, got " + products);
        }
        Path home = dir.toAbsolutePath().normalize();
        Path exports = (out == null ? home.resolve("exports") : out).toAbsolutePath().normalize();
        quietEmbeddedStore();
        DemoSettings settings = new DemoSettings(home, exports, products, seed, progressWanted());
        new DemoRun(settings, new Narrator(spec.commandLine().getOut())).run();
        return ExitCode.OK.code();
    }

    /**
     * The embedded MongoDB-compatible store warns about connections it closes at shutdown (the demo stops it
     * while its clients are still being torn down); harmless, so hidden unless -v.
     */
    private void quietEmbeddedStore() {
        CommandLine.Model.OptionSpec verbose = spec.findOption("--verbose");
        boolean[] levels = verbose == null ? new boolean[0] : verbose.getValue();
        if ((levels == null || levels.length == 0)
                && org.slf4j.LoggerFactory.getLogger("de.bwaldvogel") instanceof ch.qos.logback.classic.Logger store) {
            store.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    /** Progress bars only on a terminal and without the inherited {@code --no-progress}. */
    private boolean progressWanted() {
        CommandLine.Model.OptionSpec noProgress = spec.findOption("--no-progress");
        boolean disabled = noProgress != null && Boolean.TRUE.equals(noProgress.getValue());
        return !disabled && System.console() != null;
    }
}
