package dev.odoobridge.readmodel.spi;

import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;

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

    /**
     * Whether the store takes whole batches of documents in this process ({@link #insert}, {@link #replace}):
     * no driver encoding, no socket, no command decoding. By default it does not, and the caller writes with
     * standard commands.
     */
    default boolean writesInProcess() {
        return false;
    }

    /**
     * Inserts the documents (each with its {@code _id}) into the collection, created when missing, as an unordered
     * {@code insert} command would: every document the collection does not hold yet is inserted and stored exactly
     * as the command would have stored it, also when others are refused. Its changes are committed as a command's
     * are (with the commit of {@link #inOneCommit} when it runs in one).
     *
     * @return the {@code _id}s refused because the collection already holds them (empty when all were inserted)
     * @throws UnsupportedOperationException when {@link #writesInProcess()} is false
     * @throws dev.odoobridge.readmodel.ReadModelException on any other refusal
     */
    default List<String> insert(String database, String collection, List<Document> documents) {
        throw new UnsupportedOperationException("this store takes no documents in process");
    }

    /**
     * Replaces the stored documents with these, matched by {@code _id}, as an unordered {@code update} command of
     * replacements without upsert would: a document whose {@code _id} is not stored is not written.
     *
     * @return how many stored documents were matched
     * @throws UnsupportedOperationException when {@link #writesInProcess()} is false
     * @throws dev.odoobridge.readmodel.ReadModelException when the store refuses a replacement
     */
    default long replace(String database, String collection, List<Document> documents) {
        throw new UnsupportedOperationException("this store takes no documents in process");
    }
}
