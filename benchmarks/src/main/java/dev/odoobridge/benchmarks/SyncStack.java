package dev.odoobridge.benchmarks;

import dev.odoobridge.client.OdooClient;
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
 * store and PostgreSQL for the sync state, both under one work directory, and an engine syncing
 * {@link PartnerCatalog#PROJECTION} from one source named {@code odoo}.
 */
final class SyncStack implements AutoCloseable {
    static final String SOURCE = "odoo";

    final ReadModel readModel;
    final StateDatabase state;
    final TimedProjector projector;
    final SyncEngine engine;

    SyncStack(Path workDir, OdooClient client, int pageSize) {
        Objects.requireNonNull(workDir, "workDir == null");
        this.state = StateDatabase.embedded(workDir.resolve("state"));
        try {
            this.readModel = ReadModels.open(ReadModelConfig.builder().dataDirectory(workDir.resolve("mongo"))
                    .projection(PartnerCatalog.PROJECTION).build());
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        this.projector = new TimedProjector(readModel.projector());
        this.engine = SyncEngine.builder().source(SOURCE, client).projector(projector)
                .stateStore(state.stateStore()).projections(List.of(PartnerCatalog.PROJECTION))
                .lease("benchmark-" + ProcessHandle.current().pid(), Duration.ofMinutes(5))
                .pageSize(pageSize).build();
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
