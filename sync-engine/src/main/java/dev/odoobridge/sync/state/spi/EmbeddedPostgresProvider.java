package dev.odoobridge.sync.state.spi;

import java.nio.file.Path;

/**
 * Starts the embedded PostgreSQL that {@link dev.odoobridge.sync.state.StateDatabase#embedded} connects to.
 * Found with {@link java.util.ServiceLoader}; the module {@code dev.odoobridge:embedded} provides one.
 * Implementations need a public no-argument constructor and throw
 * {@link dev.odoobridge.sync.state.StateStoreException} when the server cannot start.
 */
public interface EmbeddedPostgresProvider {
    /**
     * Starts a server with its data kept in the directory (created when missing, reused on the next start)
     * on the loopback interface.
     *
     * @param port the port, or 0 for any free one
     */
    RunningPostgres start(Path dataDirectory, int port);
}
