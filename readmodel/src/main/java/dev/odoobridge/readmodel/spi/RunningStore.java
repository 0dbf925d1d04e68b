package dev.odoobridge.readmodel.spi;

import dev.odoobridge.readmodel.EmbeddedStore;
import java.util.Optional;

/** An embedded store started by an {@link EmbeddedStoreProvider}: served on a loopback port, maybe with fast paths. */
public interface RunningStore extends EmbeddedStore {
    /** Fast paths into this store for a projector in the same process, when the store has any. */
    Optional<StoreFastPaths> fastPaths();
}
