package dev.odoobridge.examples.projector;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.state.StateDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A service that answers stock questions from its own read model instead of calling Odoo: it
 * opens the read model (the embedded MongoDB-compatible store here; a {@code mongodb://} URI in
 * production) and the sync state (embedded PostgreSQL here), runs a full sync once, then
 * incremental syncs (from a scheduler in a real service) and reads the derived stock views.
 */
public final class ProjectorExample implements AutoCloseable {
    /** The source name the service uses for its Odoo. */
    public static final String SOURCE = "shop";

    private final StateDatabase state;
    private final ReadModel readModel;
    private final SyncEngine engine;

    /**
     * Opens the stores and builds the engine over {@code odoo}.
     *
     * @param stateDirectory data directory of the embedded PostgreSQL
     */
    public ProjectorExample(OdooClient odoo, Path stateDirectory) {
        Objects.requireNonNull(odoo, "odoo == null");
        this.state = StateDatabase.embedded(Objects.requireNonNull(stateDirectory, "stateDirectory == null"));
        try {
            this.readModel = ReadModels.open(ReadModelConfig.builder().inMemory().projections(Projections.retail()).build());
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        this.engine = SyncEngine.builder().source(SOURCE, odoo).projector(readModel.projector())
                .stateStore(state.stateStore()).projections(readModel.projections())
                .lease("projector-example-" + ProcessHandle.current().pid(), Duration.ofMinutes(5)).build();
    }

    /** Copies everything from Odoo (first start, or after a reset). */
    public SyncReport fullSync() {
        return engine.run(SyncRequest.full());
    }

    /** Copies what changed since the last run (what a scheduler calls every minute). */
    public SyncReport incrementalSync() {
        return engine.run(SyncRequest.incremental());
    }

    /** The stock of one product, answered by MongoDB. */
    public Optional<ProductStock> stock(long productId) {
        return readModel.stock().product(SOURCE, productId);
    }

    @Override
    public void close() {
        readModel.close();
        state.close();
    }

    /** {@code ProjectorExample <url> <database> <login> <password-or-api-key> <product-id> [state-dir]}. */
    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: ProjectorExample <url> <database> <login> <password-or-api-key> <product-id> [state-dir]");
            System.exit(2);
        }
        OdooConfig config = OdooConfig.builder().url(args[0]).database(args[1]).login(args[2]).secret(args[3]).build();
        Path dir = Path.of(args.length > 5 ? args[5] : "projector-example-state");
        try (OdooClient odoo = OdooClients.create(config); ProjectorExample service = new ProjectorExample(odoo, dir)) {
            SyncReport full = service.fullSync();
            System.out.println("full sync: " + full.outcome().label() + " in " + full.duration().toMillis() + " ms");
            System.out.println(service.stock(Long.parseLong(args[4])).map(Object::toString).orElse("no such product"));
        }
    }
}
