package dev.odoobridge.readmodel;

import dev.odoobridge.readmodel.changes.ChangeLog;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.stock.StockViews;
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

    /**
     * The connection string this read model's client uses, credentials included (the embedded server's loopback
     * address when it runs one): for components that open their own client on the same database, such as the
     * offline-sync feed and the read API. Never print it. Implementations without a MongoDB connection (test
     * doubles) keep this default, which throws {@link UnsupportedOperationException}.
     */
    default String connectionString() {
        throw new UnsupportedOperationException(getClass().getName() + " has no MongoDB connection");
    }

    /**
     * The derived stock views. Implementations that do not maintain them (e.g. test doubles)
     * keep this default, which throws {@link UnsupportedOperationException}.
     */
    default StockViews stock() {
        throw new UnsupportedOperationException(getClass().getName() + " does not maintain stock views");
    }

    /**
     * The report queries. Implementations without reports (e.g. test doubles) keep this default,
     * which throws {@link UnsupportedOperationException}.
     */
    default Reports reports() {
        throw new UnsupportedOperationException(getClass().getName() + " has no report queries");
    }

    /**
     * The change sequence and tombstones (safe sequence, oldest retained sequence, purge). Implementations that
     * keep none (e.g. test doubles) keep this default, which throws {@link UnsupportedOperationException}.
     */
    default ChangeLog changes() {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no change sequence");
    }

    @Override
    void close();
}
