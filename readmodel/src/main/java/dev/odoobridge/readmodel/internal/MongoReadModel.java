package dev.odoobridge.readmodel.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.odoobridge.readmodel.EmbeddedStore;
import dev.odoobridge.readmodel.GuardStrategy;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.readmodel.changes.ChangeLog;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.spi.EmbeddedStoreProvider;
import dev.odoobridge.readmodel.spi.RunningStore;
import dev.odoobridge.readmodel.spi.StoreFastPaths;
import dev.odoobridge.readmodel.spi.StoreReads;
import dev.odoobridge.readmodel.stock.StockViews;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/** {@link ReadModel} on one MongoDB database (a remote server or the embedded one it started). */
public final class MongoReadModel implements ReadModel {
    private final ReadModelConfig config;
    private final RunningStore embedded;
    private final MongoClient client;
    private final String description;
    private final String connectionString;
    private final Projector projector;
    private final StockViews stock;
    private final Reports reports;
    private final ChangeLog changes;

    private MongoReadModel(ReadModelConfig config, RunningStore embedded, String uri, String description, Clock clock) {
        this.config = config;
        this.embedded = embedded;
        this.description = description;
        this.connectionString = uri;
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build();
        this.client = MongoClients.create(settings);
        try {
            MongoDatabase db = client.getDatabase(config.database());
            Names names = new Names(config.projections());
            IndexPlan.create(db, config.projections(), names);
            Map<String, Map<String, String>> types = new HashMap<>(FieldCatalog.retail());
            config.fieldTypes().forEach((model, fields) -> {
                Map<String, String> merged = new HashMap<>(types.getOrDefault(model, Map.of()));
                merged.putAll(fields);
                types.put(model, merged);
            });
            // read-then-write means this process is the database's sole writer: derived documents may be inserted
            StoreFastPaths fastPaths = embedded == null ? null : embedded.fastPaths().orElse(null);
            KeyReads reads = new KeyReads(config.database(), fastPaths);
            boolean soleWriter = config.effectiveGuardStrategy() == GuardStrategy.READ_THEN_WRITE;
            InProcessWrites direct = new InProcessWrites(config.database(), fastPaths);
            MongoChangeLog changeLog = new MongoChangeLog(db, clock, Clock.systemUTC(), MongoChangeLog.LEASE,
                    config.tombstoneHorizon(), embedded != null);
            changeLog.open(IndexPlan.sequenced(config.projections()), soleWriter);
            Tombstones tombstones = new Tombstones(db, changeLog, soleWriter, reads, direct);
            KeyedWrites writes = new KeyedWrites(soleWriter, reads, direct, tombstones);
            ReferenceIndex refs = new ReferenceIndex(db, reads, soleWriter, direct);
            refs.buildIfMissing(names);
            // the reference index first: the views read it
            List<DerivedView> views = List.of(refs,
                    new ProductStockView(db, names,
                            new ProductStockBuilder(db, names, config.stockOptions(), clock, refs, writes, reads), refs),
                    new LotStockView(db, names, clock, refs, writes, reads));
            MongoProjector writer = new MongoProjector(db, config.projections(), new DocumentMapper(types), views, clock,
                    config.effectiveGuardStrategy(), fastPaths, reads, direct, changeLog, tombstones);
            this.projector = MongoFailures.guard(Projector.class, writer);
            this.changes = MongoFailures.guard(ChangeLog.class, changeLog);
            // the embedded store serving this connection string from this process answers the views' finds directly
            ViewReads viewReads = (config.inProcessReads() ? StoreReads.inProcess(uri) : Optional.<StoreReads>empty())
                    .map(r -> ViewReads.inProcess(r, db)).orElseGet(() -> ViewReads.driver(db));
            this.stock = MongoFailures.guard(StockViews.class, new MongoStockViews(viewReads, writer::rebuildStockViews));
            this.reports = MongoFailures.guard(Reports.class,
                    new MongoReports(db, names, config.stockOptions(), clock));
        } catch (MongoException e) {
            client.close();
            throw new ReadModelException("cannot prepare the read model in " + description + ": " + e.getMessage()
                    + "; check that the server is reachable and the user may create indexes", e);
        }
    }

    /** Opens the read model the configuration describes, starting the embedded server when no connection string is set. */
    public static MongoReadModel open(ReadModelConfig config, Clock clock) {
        if (config.connectionString().isPresent()) {
            ConnectionString cs = new ConnectionString(config.connectionString().get());
            String shown = "mongodb " + String.join(",", cs.getHosts()) + "/" + config.database();
            return new MongoReadModel(config, null, cs.getConnectionString(), shown, clock);
        }
        EmbeddedStoreProvider provider = embeddedProvider();
        RunningStore server = config.inMemory() ? provider.inMemory()
                : provider.inDirectory(config.dataDirectory().orElseThrow());
        try {
            String shown = server.connectionString() + "/" + config.database()
                    + (config.inMemory() ? " (embedded, in memory)" : " (embedded, " + config.dataDirectory().get() + ")");
            return new MongoReadModel(config, server, server.connectionString(), shown, clock);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Starts the embedded server on its file store alone. */
    public static EmbeddedStore serve(Path dataDirectory) {
        return embeddedProvider().inDirectory(dataDirectory);
    }

    /** The embedded store's provider on the class path ({@code dev.odoobridge:embedded}). */
    private static EmbeddedStoreProvider embeddedProvider() {
        return ServiceLoader.load(EmbeddedStoreProvider.class, MongoReadModel.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new ReadModelException("no embedded MongoDB-compatible store on the class path: add "
                        + "the dependency dev.odoobridge:embedded, or configure connectionString(..) for a MongoDB server"));
    }

    @Override
    public Projector projector() {
        return projector;
    }

    @Override
    public List<Projection> projections() {
        return config.projections();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String connectionString() {
        return connectionString;
    }

    @Override
    public StockViews stock() {
        return stock;
    }

    @Override
    public Reports reports() {
        return reports;
    }

    @Override
    public ChangeLog changes() {
        return changes;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
