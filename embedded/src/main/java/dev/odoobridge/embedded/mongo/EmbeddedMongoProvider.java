package dev.odoobridge.embedded.mongo;

import dev.odoobridge.readmodel.spi.EmbeddedStoreProvider;
import dev.odoobridge.readmodel.spi.RunningStore;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The read model's embedded store: mongo-java-server in memory, or on its crash-consistent H2 file store
 * ({@code readmodel.mv} in the data directory), which also offers the projector its fast paths. Registered
 * for {@link java.util.ServiceLoader}; applications do not call it, they configure
 * {@link dev.odoobridge.readmodel.ReadModelConfig.Builder#inMemory()} or
 * {@link dev.odoobridge.readmodel.ReadModelConfig.Builder#dataDirectory(Path)}.
 */
public final class EmbeddedMongoProvider implements EmbeddedStoreProvider {
    /** For {@link java.util.ServiceLoader}. */
    public EmbeddedMongoProvider() {
    }

    @Override
    public RunningStore inMemory() {
        return EmbeddedMongoServer.inMemory();
    }

    @Override
    public RunningStore inDirectory(Path directory) {
        return EmbeddedMongoServer.inDirectory(Objects.requireNonNull(directory, "directory == null"));
    }
}
