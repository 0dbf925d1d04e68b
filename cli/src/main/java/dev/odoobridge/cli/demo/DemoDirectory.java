package dev.odoobridge.cli.demo;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo's working directory. Each run starts from an empty database: the embedded PostgreSQL
 * folder of the previous run is removed, but only in a directory the demo created
 * (it leaves a marker file), so a mistyped {@code --dir} never deletes anything else.
 */
final class DemoDirectory {
    static final String MARKER = ".odoo-bridge-demo";

    private final DemoSettings settings;

    DemoDirectory(DemoSettings settings) {
        this.settings = settings;
    }

    void prepare() {
        Path home = settings.home();
        Path marker = home.resolve(MARKER);
        try {
            boolean ours = Files.exists(marker);
            Path data = settings.stateDirectory();
            if (Files.exists(data)) {
                if (!ours) {
                    throw new CliFailure(ExitCode.USAGE, home + " already has a '" + data.getFileName()
                            + "' folder the demo did not create; pass another --dir");
                }
                    deleteTree(data);
            }
            Files.createDirectories(home);
            if (!ours) {
                Files.writeString(marker, "Created by `odoo-bridge demo`; its postgres/ folder is replaced on"
                        + " every demo run.\n");
            }
            Files.createDirectories(settings.exports());
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILURE, "cannot prepare the demo directory " + home + ": " + e.getMessage()
                    + "; check its permissions or pass another --dir", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
