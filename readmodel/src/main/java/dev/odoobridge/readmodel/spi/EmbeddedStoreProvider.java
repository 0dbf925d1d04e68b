package dev.odoobridge.readmodel.spi;

import java.nio.file.Path;

/**
 * Starts the embedded MongoDB-compatible store that {@link dev.odoobridge.readmodel.ReadModelConfig.Builder#inMemory()}
 * and {@link dev.odoobridge.readmodel.ReadModelConfig.Builder#dataDirectory(Path)} ask for. Found with
 * {@link java.util.ServiceLoader}; the module {@code dev.odoobridge:embedded} provides one. Implementations
 * need a public no-argument constructor and throw {@link dev.odoobridge.readmodel.ReadModelException}
 * when the store cannot start.
 */
public interface EmbeddedStoreProvider {
    /** Starts a store keeping everything in memory, on a free loopback port. */
    RunningStore inMemory();

    /**
     * Starts a store with its file in the directory (created when missing), on a free loopback port.
     *
     * @throws dev.odoobridge.readmodel.ReadModelException when the directory cannot be created or the file is in use
     */
    RunningStore inDirectory(Path directory);
}
