package dev.odoobridge.readmodel;

import dev.odoobridge.readmodel.internal.MongoReadModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** Opens {@link ReadModel}s. */
public final class ReadModels {
    private ReadModels() {
    }

    /**
     * Connects to the configured MongoDB (or starts the embedded server, which the module
     * {@code dev.odoobridge:embedded} provides), creates the indexes and returns the read model.
     * Close it to release the connection and stop the embedded server.
     *
     * @throws ReadModelException when the store cannot be opened or prepared
     */
    public static ReadModel open(ReadModelConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** As {@link #open(ReadModelConfig)} with the clock used for {@code _synced_at} and for "now" in reports. */
    public static ReadModel open(ReadModelConfig config, Clock clock) {
        Objects.requireNonNull(config, "config == null");
        Objects.requireNonNull(clock, "clock == null");
        return MongoReadModel.open(config, clock);
    }

    /**
     * Starts the embedded server on a free loopback port with its file store in the directory
     * (created if missing), without opening a read model on it. Needs the module
     * {@code dev.odoobridge:embedded} on the class path.
     *
     * @throws ReadModelException when the directory cannot be created, the store is in use or no
     *     embedded store is on the class path
     */
    public static EmbeddedStore serve(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory == null");
        return MongoReadModel.serve(dataDirectory);
    }
}
