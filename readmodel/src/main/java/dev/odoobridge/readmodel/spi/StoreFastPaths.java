package dev.odoobridge.readmodel.spi;

import java.util.List;
import java.util.function.Supplier;

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

    /**
     * Runs the work (a page applied with the views it changes) so that the store makes its writes durable once,
     * when the work ends, instead of after each command: one commit per page. Nothing the work wrote is durable
     * before it returns, which a caller that acknowledges the page only afterwards can accept. By default the
     * work simply runs.
     */
    default <T> T inOneCommit(Supplier<T> work) {
        return work.get();
    }
}
