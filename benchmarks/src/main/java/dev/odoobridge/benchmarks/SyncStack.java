package dev.odoobridge.benchmarks;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.GuardStrategy;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.state.StateDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a production sync runs on, all embedded: the MongoDB-compatible read model with its file
 * store (in this process or served by another) and PostgreSQL for the sync state under one work directory, and an engine syncing
 * {@link PartnerCatalog#PROJECTION} from one source named {@code odoo}.
 */
final class SyncStack implements AutoCloseable {
    static final String SOURCE = "odoo";

    final ReadModel readModel;
    final StateDatabase state;
    final TimedProjector projector;
    final SyncEngine engine;

    /**
     * @param store where the read model lives: {@code file} (the embedded store this process starts on
     *     {@code <workDir>/mongo}), {@code memory} (the embedded server without a file),
     *     {@code served=<uri>} (the embedded store another process serves; this process is its only
     *     writer) or a MongoDB connection string
     * @param readers page reads at once when the whole model is read
     */
    SyncStack(Path workDir, String store, OdooClient client, int pageSize, int readers) {
        Objects.requireNonNull(workDir, "workDir == null");
        Objects.requireNonNull(store, "store == null");
        this.state = StateDatabase.embedded(workDir.resolve("state"));
        try {
            ReadModelConfig.Builder config = ReadModelConfig.builder().projection(PartnerCatalog.PROJECTION);
            if (store.equals("file")) {
                config.dataDirectory(workDir.resolve("mongo"));
            } else if (store.equals("memory")) {
                config.inMemory();
            } else if (store.startsWith("served=")) {
                config.connectionString(store.substring("served=".length())).guardStrategy(GuardStrategy.READ_THEN_WRITE);
            } else if (store.startsWith("mongodb://") || store.startsWith("mongodb+srv://")) {
                config.connectionString(store);
            } else {
                throw new IllegalArgumentException("--store must be file, memory or a mongodb:// URI, was '" + store + "'");
            }
            this.readModel = ReadModels.open(config.build());
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        this.projector = new TimedProjector(readModel.projector());
        this.engine = SyncEngine.builder().source(SOURCE, client).projector(projector)
                .stateStore(state.stateStore()).projections(List.of(PartnerCatalog.PROJECTION))
                .lease("benchmark-" + ProcessHandle.current().pid(), Duration.ofMinutes(5))
                .pageSize(pageSize).readers(readers).build();
    }

    @Override
    public void close() {
        try {
            readModel.close();
        } finally {
            state.close();
        }
    }
}
