package dev.odoobridge.readmodel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable configuration of a {@link ReadModel}. Either a MongoDB connection string (any MongoDB
 * 6+ / Atlas) or, by default, an embedded MongoDB-compatible server started in-process on a free
 * port: with a file store in {@link Builder#dataDirectory(Path) a data directory} (data survives
 * restarts) or {@link Builder#inMemory() in memory} (tests). The version guard is enforced in each
 * upsert's filter on a MongoDB server and by reading stored versions by {@code _id} first on the
 * embedded server, which this process alone writes ({@link GuardStrategy}; override with
 * {@link Builder#guardStrategy(GuardStrategy)}).
 */
public final class ReadModelConfig {
    private final String connectionString;
    private final Path dataDirectory;
    private final boolean inMemory;
    private final String database;
    private final List<Projection> projections;
    private final Map<String, Map<String, String>> fieldTypes;
    private final StockOptions stockOptions;
    private final GuardStrategy guardStrategy;
    private final Duration tombstoneHorizon;
    private final boolean inProcessReads;

    private ReadModelConfig(Builder b) {
        this.connectionString = b.connectionString;
        this.dataDirectory = b.dataDirectory;
        this.inMemory = b.inMemory;
        this.database = b.database;
        this.projections = List.copyOf(b.projections);
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        b.fieldTypes.forEach((model, fields) -> types.put(model, Map.copyOf(fields)));
        this.fieldTypes = Map.copyOf(types);
        this.stockOptions = b.stockOptions;
        this.guardStrategy = b.guardStrategy;
        this.tombstoneHorizon = b.tombstoneHorizon;
        this.inProcessReads = b.inProcessReads;
    }

    /** A builder with the defaults: embedded server, database {@code odoo_bridge}, the retail projections. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectionString = connectionString;
        b.dataDirectory = dataDirectory;
        b.inMemory = inMemory;
        b.database = database;
        b.projections = new ArrayList<>(projections);
        fieldTypes.forEach((model, fields) -> b.fieldTypes.put(model, new LinkedHashMap<>(fields)));
        b.stockOptions = stockOptions;
        b.guardStrategy = guardStrategy;
        b.tombstoneHorizon = tombstoneHorizon;
        b.inProcessReads = inProcessReads;
        return b;
    }

    /** The MongoDB connection string, empty when the embedded server is used. */
    public Optional<String> connectionString() {
        return Optional.ofNullable(connectionString);
    }

    /** The embedded server's data directory, empty for a remote server or the in-memory store. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** True when the embedded server keeps its data in memory only. */
    public boolean inMemory() {
        return inMemory;
    }

    /** The database name. */
    public String database() {
        return database;
    }

    /** The projections (one collection per model). */
    public List<Projection> projections() {
        return projections;
    }

    /** Declared Odoo field types (model → field → type such as {@code boolean}, {@code datetime}). */
    public Map<String, Map<String, String>> fieldTypes() {
        return fieldTypes;
    }

    /** Stock view options. */
    public StockOptions stockOptions() {
        return stockOptions;
    }

    /**
     * How long tombstones of deleted documents are kept by
     * {@link dev.odoobridge.readmodel.changes.ChangeLog#purgeTombstones()} (default 30 days): a client that last
     * pulled longer ago needs a full resync.
     */
    public Duration tombstoneHorizon() {
        return tombstoneHorizon;
    }

    /**
     * Whether the stock views are read from the embedded store directly when it serves the read model from this
     * process (default true); see {@link Builder#inProcessReads(boolean)}.
     */
    public boolean inProcessReads() {
        return inProcessReads;
    }

    /** The version guard strategy as configured (possibly {@link GuardStrategy#AUTO}). */
    public GuardStrategy guardStrategy() {
        return guardStrategy;
    }

    /**
     * The version guard strategy in effect: the configured one, or for {@link GuardStrategy#AUTO}
     * {@link GuardStrategy#CONDITIONAL_FILTER} with a connection string and
     * {@link GuardStrategy#READ_THEN_WRITE} with the embedded server.
     */
    public GuardStrategy effectiveGuardStrategy() {
        if (guardStrategy != GuardStrategy.AUTO) {
            return guardStrategy;
        }
        return connectionString != null ? GuardStrategy.CONDITIONAL_FILTER : GuardStrategy.READ_THEN_WRITE;
    }

    @Override
    public String toString() {
        String where = connectionString != null ? "remote MongoDB"
                : inMemory ? "embedded in memory" : "embedded in " + dataDirectory;
        return "ReadModelConfig{" + where + ", database=" + database + ", " + projections.size() + " projections, "
                + stockOptions + ", guard=" + effectiveGuardStrategy() + (inProcessReads ? "" : ", driver reads") + "}";
    }

    /** Builder of {@link ReadModelConfig}. */
    public static final class Builder {
        private String connectionString;
        private Path dataDirectory;
        private boolean inMemory;
        private String database = "odoo_bridge";
        private List<Projection> projections = new ArrayList<>(Projections.retail());
        private final Map<String, Map<String, String>> fieldTypes = new LinkedHashMap<>();
        private StockOptions stockOptions = StockOptions.DEFAULTS;
        private GuardStrategy guardStrategy = GuardStrategy.AUTO;
        private Duration tombstoneHorizon = Duration.ofDays(30);
        private boolean inProcessReads = true;

        private Builder() {
        }

        /** Use a MongoDB server (6+ or Atlas) at this connection string instead of the embedded one. */
        public Builder connectionString(String uri) {
            this.connectionString = Objects.requireNonNull(uri, "uri == null");
            return this;
        }

        /** Embedded server with its file store in this directory (created when missing). */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "directory == null");
            this.inMemory = false;
            return this;
        }

        /** Embedded server keeping everything in memory (lost on close). */
        public Builder inMemory() {
            this.inMemory = true;
            this.dataDirectory = null;
            return this;
        }

        /** Database name (default {@code odoo_bridge}). */
        public Builder database(String name) {
            this.database = Objects.requireNonNull(name, "name == null");
            return this;
        }

        /** Replaces the projections. */
        public Builder projections(List<Projection> list) {
            this.projections = new ArrayList<>(Objects.requireNonNull(list, "list == null"));
            return this;
        }

        /** Adds or replaces the projection of its model. */
        public Builder projection(Projection projection) {
            Objects.requireNonNull(projection, "projection == null");
            projections.removeIf(p -> p.model().equals(projection.model()));
            projections.add(projection);
            return this;
        }

        /** Adds fields (e.g. custom {@code x_} fields) to the projection of a model already configured. */
        public Builder extraFields(String model, List<String> fields) {
            Objects.requireNonNull(model, "model == null");
            Objects.requireNonNull(fields, "fields == null");
            for (int i = 0; i < projections.size(); i++) {
                if (projections.get(i).model().equals(model)) {
                    projections.set(i, projections.get(i).withExtraFields(fields));
                    return this;
                }
            }
            throw new IllegalArgumentException("no projection for model '" + model + "'; add one with projection(..)");
        }

        /**
         * Declares the Odoo type of a field ({@code boolean}, {@code integer}, {@code float}, {@code char},
         * {@code date}, {@code datetime}, {@code many2one}, {@code one2many}, {@code many2many}, ...), so that
         * {@code False} is mapped right (false only for booleans, else null). Needed for custom boolean fields.
         */
        public Builder fieldType(String model, String field, String odooType) {
            Objects.requireNonNull(model, "model == null");
            Objects.requireNonNull(field, "field == null");
            Objects.requireNonNull(odooType, "odooType == null");
            fieldTypes.computeIfAbsent(model, m -> new LinkedHashMap<>()).put(field, odooType);
            return this;
        }

        /** Stock view options. */
        public Builder stockOptions(StockOptions options) {
            this.stockOptions = Objects.requireNonNull(options, "options == null");
            return this;
        }

        /**
         * How the version guard is enforced (default {@link GuardStrategy#AUTO}: the conditional filter on
         * a MongoDB server, read-then-write on the embedded server). Override only to compare strategies
         * or when one process is known to be the sole writer of a MongoDB database.
         */
        public Builder guardStrategy(GuardStrategy strategy) {
            this.guardStrategy = Objects.requireNonNull(strategy, "strategy == null");
            return this;
        }

        /** How long tombstones are kept by {@code purgeTombstones()} (default 30 days); positive. */
        public Builder tombstoneHorizon(Duration horizon) {
            Objects.requireNonNull(horizon, "horizon == null");
            if (horizon.isNegative() || horizon.isZero()) {
                throw new IllegalArgumentException("tombstone horizon must be positive, was " + horizon);
            }
            this.tombstoneHorizon = horizon;
            return this;
        }

        /**
         * Whether the stock views ({@link ReadModel#stock()}) are read from the embedded store directly when it serves
         * the read model from this process, started by this read model or reached by a connection string (default
         * true: no wire protocol, no socket, no reply decoding). False reads them with the driver as from any MongoDB
         * (to compare both; the answers are the same). Any other MongoDB is always read with the driver.
         */
        public Builder inProcessReads(boolean inProcessReads) {
            this.inProcessReads = inProcessReads;
            return this;
        }

        /** Validates and builds. */
        public ReadModelConfig build() {
            if (database.isBlank()) {
                throw new IllegalArgumentException("database name is blank");
            }
            if (connectionString == null && dataDirectory == null && !inMemory) {
                throw new IllegalStateException("no store configured: set dataDirectory(..) for the embedded file store, "
                        + "inMemory() for a throw-away store, or connectionString(..) for a MongoDB server");
            }
            if (connectionString != null && (dataDirectory != null || inMemory)) {
                throw new IllegalStateException("both a connection string and an embedded store are configured; choose one");
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            java.util.Set<String> collections = new java.util.HashSet<>();
            for (Projection p : projections) {
                if (!seen.add(p.model())) {
                    throw new IllegalStateException("two projections for model '" + p.model() + "'");
                }
                if (!collections.add(p.collection())) {
                    throw new IllegalStateException("two projections write collection '" + p.collection() + "'");
                }
            }
            return new ReadModelConfig(this);
        }
    }
}
