package dev.odoobridge.embedded.mongo;

import dev.odoobridge.readmodel.spi.RunningStore;
import dev.odoobridge.readmodel.spi.StoreFastPaths;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded store another process serves from the same data directory, reached through the endpoint it
 * published: standard commands only, and closing only forgets it (the store belongs to that process).
 *
 * @param connectionString the store's connection string
 */
record AttachedStore(String connectionString) implements RunningStore {
    AttachedStore {
        Objects.requireNonNull(connectionString, "connectionString == null");
    }

    @Override
    public Optional<StoreFastPaths> fastPaths() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // the owner process stops its store
    }
}
