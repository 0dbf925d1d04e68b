package dev.odoobridge.readmodel.spi;

import java.util.List;

/**
 * Answers the projector's hot questions from the store's own structures instead of by MongoDB commands.
 * Only an embedded store in the same process offers them; with any other MongoDB the projector asks
 * with standard commands. Implementations are thread-safe and throw
 * {@link dev.odoobridge.readmodel.ReadModelException} on failure.
 */
public interface StoreFastPaths {
    /**
     * Which of the {@code _id}s the collection holds, read from its {@code _id} index without reading
     * any document; empty when the collection does not exist.
     */
    List<String> existingIds(String database, String collection, List<String> ids);
}
