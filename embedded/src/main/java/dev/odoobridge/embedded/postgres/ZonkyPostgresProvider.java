package dev.odoobridge.embedded.postgres;

import dev.odoobridge.embedded.internal.EndpointFile;
import dev.odoobridge.sync.state.spi.EmbeddedPostgresProvider;
import dev.odoobridge.sync.state.spi.RunningPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync state's embedded PostgreSQL: the zonky binaries with the data directory kept across restarts,
 * guarded by a lock file, and an orphaned server of a killed process stopped first. When another live process
 * already runs the server on the directory (it holds the lock and published its endpoint, see
 * {@link EndpointFile}), this process connects to that server instead of failing, and closing leaves it running.
 * Registered for {@link java.util.ServiceLoader}; applications call
 * {@link dev.odoobridge.sync.state.StateDatabase#embedded}.
 */
public final class ZonkyPostgresProvider implements EmbeddedPostgresProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ZonkyPostgresProvider.class);

    /** For {@link java.util.ServiceLoader}. */
    public ZonkyPostgresProvider() {
    }

    @Override
    public RunningPostgres start(Path dataDirectory, int port) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        if (Files.isDirectory(dir) && EmbeddedPostgresServer.locked(dir)) {
            Optional<EndpointFile.Endpoint> owner = EndpointFile.live(dir);
            if (owner.isPresent()) {
                LOG.info("The PostgreSQL data directory {} is in use by process {}: connecting to its server on port {}",
                        dir, owner.get().pid(), owner.get().port());
                return new AttachedPostgres(owner.get().address(), EmbeddedPostgresServer.USER);
            }
        }
        return EmbeddedPostgresServer.start(dataDirectory, port);
    }
}
