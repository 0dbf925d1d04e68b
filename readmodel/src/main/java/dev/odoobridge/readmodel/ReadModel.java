package dev.odoobridge.readmodel;

import java.util.List;

/**
 * The MongoDB read model: projector, derived views and reports over one database. Open with
 * {@link ReadModels#open(ReadModelConfig)}; close to release the connection (and stop the
 * embedded server if one was started).
 */
public interface ReadModel extends AutoCloseable {

    /** The writer side. */
    Projector projector();

    /** The projections (models and fields) this read model holds. */
    List<Projection> projections();

    /** The connection string in use (the embedded server's too), without credentials. */
    String describe();

    @Override
    void close();
}
