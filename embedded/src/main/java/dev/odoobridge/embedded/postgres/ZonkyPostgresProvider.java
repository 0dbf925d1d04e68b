package dev.odoobridge.embedded.postgres;

import dev.odoobridge.sync.state.spi.EmbeddedPostgresProvider;
import dev.odoobridge.sync.state.spi.RunningPostgres;
import java.nio.file.Path;

/**
 * The sync state's embedded PostgreSQL: the zonky binaries with the data directory kept across restarts,
 * guarded by a lock file, and an orphaned server of a killed process stopped first. Registered for
 * {@link java.util.ServiceLoader}; applications call {@link dev.odoobridge.sync.state.StateDatabase#embedded}.
 */
public final class ZonkyPostgresProvider implements EmbeddedPostgresProvider {
    /** For {@link java.util.ServiceLoader}. */
    public ZonkyPostgresProvider() {
    }

    @Override
    public RunningPostgres start(Path dataDirectory, int port) {
        return EmbeddedPostgresServer.start(dataDirectory, port);
    }
}
