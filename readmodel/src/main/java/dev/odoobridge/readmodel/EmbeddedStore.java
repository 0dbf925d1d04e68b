package dev.odoobridge.readmodel;

/**
 * The embedded MongoDB-compatible server on its own, for other processes to use by connection
 * string: one process owns the file store and serves it on a loopback port, the others open their
 * read model with {@link ReadModelConfig.Builder#connectionString(String)} and
 * {@link GuardStrategy#READ_THEN_WRITE} as long as only one of them writes. Writes are in the
 * store file when they are acknowledged. Close it to stop the server and release the file.
 */
public interface EmbeddedStore extends AutoCloseable {
    /** {@code mongodb://127.0.0.1:<port>}. */
    String connectionString();

    @Override
    void close();
}
