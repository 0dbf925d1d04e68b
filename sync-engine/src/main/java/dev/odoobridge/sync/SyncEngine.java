package dev.odoobridge.sync;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.sync.internal.DependentRefresh;
import dev.odoobridge.sync.internal.EngineSettings;
import dev.odoobridge.sync.internal.GuardedListener;
import dev.odoobridge.sync.internal.ModelSync;
import dev.odoobridge.sync.internal.OdooReads;
import dev.odoobridge.sync.internal.Verifier;
import dev.odoobridge.sync.state.RunCounts;
import dev.odoobridge.sync.schema.ModelSchema;
import dev.odoobridge.sync.schema.SchemaException;
import dev.odoobridge.sync.schema.ServerSchemas;
import dev.odoobridge.sync.schema.SourceSchema;
import dev.odoobridge.sync.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the read model equal to one or many Odoo databases. Each (source, model) is synced by a
 * cursor on ({@code write_date}, {@code id}) that never splits a second across pages, restarts
 * each incremental run from the checkpoint minus an overlap window, stores the checkpoint only
 * after the projector acknowledged a page (a killed process re-reads, never loses), holds a
 * lease so two engines never sync the same (source, model) at once, and optionally reconciles
 * deletions by id range. Applying records of a model re-reads its declared {@link Dependent}s
 * (e.g. a template's variants) before its checkpoint moves.
 *
 * <p>Each run starts by checking every source's server ({@link ServerSchemas#revalidate}: its version,
 * and its {@code fields_get} of the synced models when that changed or is old): a model is read with
 * the projection's fields the server has, its values typed by the server's types; an optional field
 * the server lacks turns its feature off ({@link #schema(String)} says which and why); a model that
 * lacks a field the sync needs or a configured field fails with a {@link SchemaException} naming the
 * module or the field, and the other models go on. A model whose read fields changed since the last run
 * of this engine is read whole. Thread-safe; build with {@link #builder()}.
 */
public final class SyncEngine {
    /** Rows per Odoo read unless {@link Builder#pageSize} says otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 500;
    /** (source, model) pairs synced at once unless {@link Builder#parallelism} says otherwise. */
    public static final int DEFAULT_PARALLELISM = 2;
    /** Page reads at once of a whole model unless {@link Builder#readers} says otherwise. */
    public static final int DEFAULT_READERS = 1;
    /** How far before the checkpoint an incremental run restarts unless {@link Builder#overlap} says otherwise. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final Map<String, OdooClient> sources;
    private final Map<String, Projection> projections;
    private final EngineSettings settings;
    private final int parallelism;
    private final List<String> sourceOrder;
    private final DependentRefresh dependents;
    private final ServerSchemas schemas;
    /** The fields each (source, model) was last read with in this engine, to notice a schema change. */
    private final Map<String, List<String>> lastReadFields = new java.util.concurrent.ConcurrentHashMap<>();
    /** Set by {@link #stop()}: runs end after the page in flight, later ones skip every model. */
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();

    private SyncEngine(Builder b) {
        this.sources = Map.copyOf(b.sources);
        this.projections = new LinkedHashMap<>();
        b.projections.forEach(p -> projections.put(p.model(), p));
        this.parallelism = b.parallelism;
        this.settings = new EngineSettings(b.projector, b.stateStore, new GuardedListener(b.listener), b.clock,
                b.pageSize, b.overlap, b.leaseOwner, b.leaseTtl, b.reconcileRangeSize, b.readers, stopping::get);
        this.sourceOrder = List.copyOf(b.sources.keySet());
        this.schemas = b.schemas != null ? b.schemas
                : new ServerSchemas(b.sources, b.projections, b.clock, b.schemaMaxAge);
        this.dependents = new DependentRefresh(b.dependents, projections.keySet(), this::readableFields, b.pageSize, b.clock);
    }

    /** The fields read of a model on a source, or null when the server cannot serve it. */
    private List<String> readableFields(String source, String model) {
        try {
            return schemas.current(source).model(model).readFields();
        } catch (SchemaException e) {
            return null;
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Syncs every (source, model) the request selects, up to {@code parallelism} at a time. A
     * failure of one (source, model) does not stop the others; it shows in its report.
     *
     * @throws IllegalArgumentException when the request names an unknown source or model
     */
    public SyncReport run(SyncRequest request) {
        Objects.requireNonNull(request, "request == null");
        checkKnown(request);
        Instant started = settings.clock().instant();
        settings.listener().runStarted(request);
        List<String[]> plan = new ArrayList<>();
        Map<String, Object> schemaBySource = new LinkedHashMap<>();
        List<String> models = childrenFirst(projections.keySet().stream().filter(request::includesModel).toList());
        WholeReadsOfRun wholeReads = new WholeReadsOfRun(models);
        for (String source : sourceOrder) {
            if (request.includesSource(source)) {
                schemaBySource.put(source, readSchema(source));
                for (String model : models) {
                    plan.add(new String[] {source, model});
                    wholeReads.planned(source, model);
                }
            }
        }
        List<ModelReport> reports = parallelism == 1 || plan.size() <= 1
                ? plan.stream().map(p -> syncOne(p[0], p[1], request, schemaBySource.get(p[0]), wholeReads)).toList()
                : runParallel(plan, request, schemaBySource, wholeReads);
        SyncReport report = new SyncReport(reports, nonNegative(Duration.between(started, settings.clock().instant())));
        settings.listener().runFinished(report);
        return report;
    }

    /** The source's schema, re-read when its server changed, or the failure to read it. */
    private Object readSchema(String source) {
        try {
            return schemas.revalidate(source);
        } catch (RuntimeException e) {
            LOG.warn("reading the schema of {} failed", source, e);
            return e;
        }
    }

    /**
     * The models in an order where a model re-read as another's dependent comes before that other (variants
     * before templates, users before partners), so a parent's sync can wait for its children's whole read: in
     * the sequential run they are done, in the pool (first in, first out) they have started. Models in a cycle
     * keep their order and are not waited for.
     */
    private List<String> childrenFirst(List<String> models) {
        List<String> remaining = new ArrayList<>(models);
        List<String> out = new ArrayList<>();
        while (!remaining.isEmpty()) {
            String next = remaining.stream()
                    .filter(m -> dependents.childModels(m).stream().noneMatch(c -> !c.equals(m) && remaining.contains(c)))
                    .findFirst().orElse(remaining.get(0));
            remaining.remove(next);
            out.add(next);
        }
        return out;
    }

    /**
     * The whole reads of one run: for each planned (source, model), the instant its sync began once that
     * sync read it whole (mode full) and ended well, or null. A parent asks only about children planned
     * before it, so the wait always ends.
     */
    private static final class WholeReadsOfRun {
        private final List<String> order;
        private final Map<String, java.util.concurrent.CompletableFuture<Instant>> reads =
                new java.util.concurrent.ConcurrentHashMap<>();

        WholeReadsOfRun(List<String> order) {
            this.order = order;
        }

        void planned(String source, String model) {
            reads.put(source + "|" + model, new java.util.concurrent.CompletableFuture<>());
        }

        void finished(String source, String model, Instant readWholeSince) {
            java.util.concurrent.CompletableFuture<Instant> read = reads.get(source + "|" + model);
            if (read != null) {
                read.complete(readWholeSince);
            }
        }

        ModelSync.WholeReads forModel(String model) {
            return (source, child) -> {
                java.util.concurrent.CompletableFuture<Instant> read = reads.get(source + "|" + child);
                return read == null || order.indexOf(child) >= order.indexOf(model) ? null : read.join();
            };
        }
    }

    private List<ModelReport> runParallel(List<String[]> plan, SyncRequest request, Map<String, Object> schemaBySource,
                                          WholeReadsOfRun wholeReads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, plan.size()));
        try {
            List<Future<ModelReport>> futures = new ArrayList<>();
            for (String[] p : plan) {
                futures.add(pool.submit(() -> syncOne(p[0], p[1], request, schemaBySource.get(p[0]), wholeReads)));
            }
            List<ModelReport> out = new ArrayList<>();
            for (Future<ModelReport> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sync run interrupted; checkpoints keep what was applied", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sync worker died: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ModelReport syncOne(String source, String model, SyncRequest request, Object schemaOrFailure,
                                WholeReadsOfRun wholeReads) {
        Instant began = settings.clock().instant();
        Instant readWholeSince = null;
        SyncMode[] ran = new SyncMode[1];
        try {
            ModelReport report = syncOne(source, model, request, schemaOrFailure, wholeReads.forModel(model), ran);
            if (report.outcome() == Outcome.OK && ran[0] == SyncMode.FULL) {
                readWholeSince = began;
            }
            return report;
        } finally {
            wholeReads.finished(source, model, readWholeSince);
        }
    }

    private ModelReport syncOne(String source, String model, SyncRequest request, Object schemaOrFailure,
                                ModelSync.WholeReads wholeReads, SyncMode[] ran) {
        if (stopping.get()) {
            ModelReport report = new ModelReport(source, model, RunCounts.ZERO, Duration.ZERO, Outcome.SKIPPED,
                    "the engine is stopping");
            settings.listener().modelFinished(report);
            return report;
        }
        ModelSchema schema;
        try {
            if (schemaOrFailure instanceof RuntimeException failure) {
                throw new SchemaReadException("cannot read the schema of " + source + ": " + failure.getMessage(), failure);
            }
            schema = ((SourceSchema) schemaOrFailure).model(model);
        } catch (RuntimeException e) {
            settings.listener().error(source, model, e);
            ModelReport report = new ModelReport(source, model, RunCounts.ZERO, Duration.ZERO, Outcome.FAILED, e.getMessage());
            settings.listener().modelFinished(report);
            return report;
        }
        try {
            OdooClient client = sources.get(source);
            DependentRefresh.ChildReader children = (child, link, ids, fields) -> client.model(child)
                    .searchRead(Domains.in(link, ids), fields, SearchOptions.DEFAULT.includeArchived());
            if (schema.fromServer()) {
                settings.projector().fieldTypes(source, model, schema.types());
            }
            List<String> before = lastReadFields.put(source + "|" + model, schema.readFields());
            SyncMode mode = request.mode();
            if (before != null && !before.equals(schema.readFields()) && mode == SyncMode.INCREMENTAL) {
                LOG.info("the fields of {} {} on the server changed: reading it whole", source, model);
                mode = SyncMode.FULL;
            }
            ran[0] = mode;
            return new ModelSync(source, reads(source, model, schema.readFields()), settings, dependents, children,
                    wholeReads).run(mode, request.reconcile());
        } catch (RuntimeException e) {
            LOG.warn("sync of {} {} could not run", source, model, e);
            settings.listener().error(source, model, e);
            ModelReport report = new ModelReport(source, model, RunCounts.ZERO, Duration.ZERO, Outcome.FAILED,
                    "could not run (state store or lease failure): " + e.getMessage());
            settings.listener().modelFinished(report);
            return report;
        }
    }

    /**
     * Stops this engine for good (a process shutting down): each (source, model) being synced ends after
     * the page it is applying, with that page's checkpoint stored and its lease released, reported
     * {@link Outcome#PARTIAL} (or {@link Outcome#FAILED} when nothing was applied yet) with a message
     * saying it was stopped; every (source, model) not started yet, now or in a later run, is
     * {@link Outcome#SKIPPED}. Returns at once; the run in progress returns when its pages are done.
     */
    public void stop() {
        stopping.set(true);
    }

    /** True once {@link #stop()} was called. */
    public boolean stopped() {
        return stopping.get();
    }

    /**
     * Compares Odoo and the read model for one (source, model) and reports every difference
     * (counts, missing and extra ids, field values of a sample or all, product stock). Changes nothing.
     */
    public DriftReport verify(String source, String model, VerifyOptions options) {
        Objects.requireNonNull(options, "options == null");
        List<String> fields = schemas.revalidate(checkSource(source)).model(checkModel(model)).readFields();
        return new Verifier(source, reads(source, model, fields), settings.projector(), settings.pageSize(),
                settings.reconcileLeafSize()).verify(options);
    }

    /**
     * Forgets the checkpoint and deletes every document of (source, model), so the next run is a
     * full sync. Returns the number of documents deleted.
     *
     * @throws IllegalStateException when another owner holds the lease (a sync is running)
     */
    public long reset(String source, String model) {
        checkSource(source);
        checkModel(model);
        StateStore store = settings.stateStore();
        if (!store.tryAcquireLease(source, model, settings.leaseOwner(), settings.leaseTtl())) {
            throw new IllegalStateException("cannot reset " + source + " " + model
                    + ": another owner holds its lease (a sync is running); try again when it has finished");
        }
        try {
            store.deleteCheckpoint(source, model);
            return settings.projector().deleteAll(source, model);
        } finally {
            store.releaseLease(source, model, settings.leaseOwner());
        }
    }

    /**
     * What the source's server offers: how each synced model is read there and which features are on
     * or off. Asks the server for its version (and re-reads the fields when it changed or the cached
     * schema is old).
     *
     * @throws IllegalArgumentException when the source is unknown
     */
    public SourceSchema schema(String source) {
        return schemas.revalidate(checkSource(source));
    }

    /** The schemas this engine reads with (shared with a webhook processor so both read the same fields). */
    public ServerSchemas schemas() {
        return schemas;
    }

    private OdooReads reads(String source, String model, List<String> fields) {
        return new OdooReads(sources.get(checkSource(source)).model(checkModel(model)), fields, settings.clock());
    }

    private String checkSource(String source) {
        Objects.requireNonNull(source, "source == null");
        if (!sources.containsKey(source)) {
            throw new IllegalArgumentException("unknown source '" + source + "'; configured: " + sourceOrder);
        }
        return source;
    }

    private String checkModel(String model) {
        Objects.requireNonNull(model, "model == null");
        if (!projections.containsKey(model)) {
            throw new IllegalArgumentException("no projection for model '" + model + "'; configured: " + projections.keySet());
        }
        return model;
    }

    private void checkKnown(SyncRequest request) {
        for (String s : request.sources()) {
            if (!sources.containsKey(s)) {
                throw new IllegalArgumentException("unknown source '" + s + "'; configured: " + sourceOrder);
            }
        }
        for (String m : request.models()) {
            if (!projections.containsKey(m)) {
                throw new IllegalArgumentException("no projection for model '" + m + "'; configured: " + projections.keySet());
            }
        }
    }

    /** The schema of a source could not be read (its server failed). */
    private static final class SchemaReadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SchemaReadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Builder for {@link SyncEngine}; {@link #build()} validates. */
    public static final class Builder {
        private final Map<String, OdooClient> sources = new LinkedHashMap<>();
        private final List<Projection> projections = new ArrayList<>();
        private Projector projector;
        private StateStore stateStore;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int parallelism = DEFAULT_PARALLELISM;
        private int readers = DEFAULT_READERS;
        private Duration overlap = DEFAULT_OVERLAP;
        private String leaseOwner;
        private Duration leaseTtl = Duration.ofMinutes(5);
        private SyncListener listener = SyncListener.NONE;
        private Clock clock = Clock.systemUTC();
        private int reconcileRangeSize = 1000;
        private List<Dependent> dependents = Dependent.retail();
        private ServerSchemas schemas;
        private Duration schemaMaxAge = Duration.ofMinutes(10);

        private Builder() {
        }

        /**
         * The schema cache to read with, e.g. one shared with a webhook processor; default one of this
         * engine's own over its sources and projections.
         */
        public Builder schemas(ServerSchemas schemas) {
            this.schemas = Objects.requireNonNull(schemas, "schemas == null");
            return this;
        }

        /**
         * How long a server's schema is used without re-reading it while the server version stays the
         * same (each run checks the version); default 10 minutes. Ignored when {@link #schemas} is set.
         */
        public Builder schemaMaxAge(Duration maxAge) {
            this.schemaMaxAge = Objects.requireNonNull(maxAge, "maxAge == null");
            return this;
        }

        /** Adds one named Odoo source. */
        public Builder source(String name, OdooClient client) {
            Objects.requireNonNull(name, "name == null");
            sources.put(name, Objects.requireNonNull(client, "client == null"));
            return this;
        }

        /** Adds named Odoo sources (several databases), in iteration order. */
        public Builder sources(Map<String, OdooClient> clients) {
            Objects.requireNonNull(clients, "sources == null").forEach(this::source);
            return this;
        }

        /** The read model writer. */
        public Builder projector(Projector projector) {
            this.projector = Objects.requireNonNull(projector, "projector == null");
            return this;
        }

        /** Durable checkpoints, run history and leases. */
        public Builder stateStore(StateStore stateStore) {
            this.stateStore = Objects.requireNonNull(stateStore, "stateStore == null");
            return this;
        }

        /** The models to sync and their fields, synced in this order. */
        public Builder projections(List<Projection> projections) {
            this.projections.addAll(Objects.requireNonNull(projections, "projections == null"));
            return this;
        }

        /** Rows per Odoo read; default 500. */
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** How many (source, model) pairs are synced at once; default 2. */
        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Page reads at once when a run reads a whole model (a full run, or the first run of a model);
         * default 1. Set it to the number of Odoo workers the sync may occupy: with more than one, the
         * model is read by id ranges in parallel (the progress is stored per range, and a run killed in
         * the middle is resumed by the next incremental run), then what changed meanwhile is read by
         * write_date. With 1, the model is read in write_date order, one page ahead of the read model.
         */
        public Builder readers(int readers) {
            this.readers = readers;
            return this;
        }

        /** How far before the checkpoint each incremental run restarts; default 10 minutes. */
        public Builder overlap(Duration overlap) {
            this.overlap = Objects.requireNonNull(overlap, "overlap == null");
            return this;
        }

        /** This engine's lease owner id (unique per process, e.g. host and pid) and the lease time to live (default 5 minutes). */
        public Builder lease(String owner, Duration ttl) {
            this.leaseOwner = Objects.requireNonNull(owner, "owner == null");
            this.leaseTtl = Objects.requireNonNull(ttl, "ttl == null");
            return this;
        }

        /** Progress callbacks; default none. */
        public Builder listener(SyncListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener == null");
            return this;
        }

        /** Time source; default UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** Reconciliation compares id sets in ranges of at most this many ids; default 1000. */
        public Builder reconcileRangeSize(int ids) {
            this.reconcileRangeSize = ids;
            return this;
        }

        /**
         * The models re-read when records of another model are applied because they show its
         * values without their own {@code write_date} moving (e.g. {@code product.product} on its
         * {@code product.template}); they are re-read in the same run, before the parent's
         * checkpoint advances. Default {@link Dependent#retail()}; an empty list turns it off. A
         * dependent acts only when its child model is synced by this engine.
         */
        public Builder dependents(List<Dependent> dependents) {
            this.dependents = List.copyOf(Objects.requireNonNull(dependents, "dependents == null"));
            return this;
        }

        /** Validates and builds. */
        public SyncEngine build() {
            require(!sources.isEmpty(), "at least one source is required (builder.source(name, client))");
            require(!projections.isEmpty(), "at least one projection is required");
            require(projector != null, "projector is required");
            require(stateStore != null, "stateStore is required");
            require(leaseOwner != null && !leaseOwner.isBlank(), "lease owner is required (builder.lease(owner, ttl)), unique per process");
            require(pageSize >= 1, "pageSize must be >= 1, was " + pageSize);
            require(parallelism >= 1, "parallelism must be >= 1, was " + parallelism);
            require(readers >= 1 && readers <= 64, "readers must be within 1..64, was " + readers);
            require(!overlap.isNegative(), "overlap must not be negative");
            require(!leaseTtl.isNegative() && !leaseTtl.isZero(), "lease ttl must be positive");
            require(reconcileRangeSize >= 1, "reconcileRangeSize must be >= 1, was " + reconcileRangeSize);
            require(projections.stream().map(Projection::model).distinct().count() == projections.size(),
                    "each model may have only one projection");
            return new SyncEngine(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
