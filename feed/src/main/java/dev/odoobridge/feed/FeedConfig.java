package dev.odoobridge.feed;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.sync.state.StateDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable configuration of a {@link Feed}: where the read model is (a MongoDB connection string and database: a
 * server, or the embedded store's loopback address), its change sequence, the tables, and for pushes the Odoo
 * clients per source, the state database (pushed-id map) and the re-sync.
 */
public final class FeedConfig {
    /** Changes per pull page unless {@link Builder#pageSize} says otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 5_000;
    /** Largest pushed body unless {@link Builder#maxPushBytes} says otherwise (4 MiB). */
    public static final int DEFAULT_MAX_PUSH_BYTES = 4 * 1024 * 1024;

    private final String connectionString;
    private final String database;
    private final ChangeSequence sequence;
    private final List<FeedTable> tables;
    private final Map<String, String> collections;
    private final int pageSize;
    private final int maxPushBytes;
    private final boolean sendCreatedAsUpdated;
    private final Map<String, OdooClient> clients;
    private final StateDatabase stateDatabase;
    private final Resync resync;

    private FeedConfig(Builder b) {
        this.connectionString = b.connectionString;
        this.database = b.database;
        this.sequence = b.sequence;
        this.tables = List.copyOf(b.tables);
        Map<String, String> byModel = new LinkedHashMap<>();
        b.projections.forEach(p -> byModel.put(p.model(), p.collection()));
        this.collections = Map.copyOf(byModel);
        this.pageSize = b.pageSize;
        this.maxPushBytes = b.maxPushBytes;
        this.sendCreatedAsUpdated = b.sendCreatedAsUpdated;
        this.clients = Map.copyOf(b.clients);
        this.stateDatabase = b.stateDatabase;
        this.resync = b.resync;
    }

    /** A builder with the retail tables and projections. */
    public static Builder builder() {
        return new Builder();
    }

    /** The read model's MongoDB connection string. */
    public String connectionString() {
        return connectionString;
    }

    /** The read model's database. */
    public String database() {
        return database;
    }

    /** The change sequence. */
    public ChangeSequence sequence() {
        return sequence;
    }

    /** The tables, in the order pulls list them. */
    public List<FeedTable> tables() {
        return tables;
    }

    /** The table of this name. */
    public Optional<FeedTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The read-model collection of a model. */
    public String collectionOf(String model) {
        String c = collections.get(model);
        if (c == null) {
            throw new IllegalArgumentException("model " + model + " is not projected");
        }
        return c;
    }

    /** Changes per pull page. */
    public int pageSize() {
        return pageSize;
    }

    /** Largest pushed body in bytes. */
    public int maxPushBytes() {
        return maxPushBytes;
    }

    /** Whether new records go to {@code updated} unless a pull asks otherwise. */
    public boolean sendCreatedAsUpdated() {
        return sendCreatedAsUpdated;
    }

    /** The Odoo client of each source that takes pushes. */
    public Map<String, OdooClient> clients() {
        return clients;
    }

    /** The state database holding the pushed-id map, when pushes are configured. */
    public Optional<StateDatabase> stateDatabase() {
        return Optional.ofNullable(stateDatabase);
    }

    /** The re-sync after writes, when pushes are configured. */
    public Optional<Resync> resync() {
        return Optional.ofNullable(resync);
    }

    /** Builder of {@link FeedConfig}. */
    public static final class Builder {
        private String connectionString;
        private String database = "odoo_bridge";
        private ChangeSequence sequence;
        private List<FeedTable> tables = new ArrayList<>(FeedTables.retail());
        private List<Projection> projections = new ArrayList<>(Projections.retail());
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int maxPushBytes = DEFAULT_MAX_PUSH_BYTES;
        private boolean sendCreatedAsUpdated;
        private final Map<String, OdooClient> clients = new LinkedHashMap<>();
        private StateDatabase stateDatabase;
        private Resync resync;

        private Builder() {
        }

        /** The read model's MongoDB (a server, or the embedded store's {@code mongodb://127.0.0.1:port}). */
        public Builder readModel(String mongoConnectionString, String databaseName) {
            this.connectionString = Objects.requireNonNull(mongoConnectionString, "mongoConnectionString == null");
            this.database = Objects.requireNonNull(databaseName, "databaseName == null");
            return this;
        }

        /** The read model's change sequence (its change log). */
        public Builder sequence(ChangeSequence changeSequence) {
            this.sequence = Objects.requireNonNull(changeSequence, "changeSequence == null");
            return this;
        }

        /** Replaces the tables. */
        public Builder tables(List<FeedTable> list) {
            this.tables = new ArrayList<>(Objects.requireNonNull(list, "list == null"));
            return this;
        }

        /** The projections the read model holds (model → collection); default the retail ones. */
        public Builder projections(List<Projection> list) {
            this.projections = new ArrayList<>(Objects.requireNonNull(list, "list == null"));
            return this;
        }

        /** Changes per pull page; default 5,000. */
        public Builder pageSize(int size) {
            this.pageSize = size;
            return this;
        }

        /** Largest pushed body; default 4 MiB. */
        public Builder maxPushBytes(int bytes) {
            this.maxPushBytes = bytes;
            return this;
        }

        /** Send new records in {@code updated} by default (clients synchronizing with {@code sendCreatedAsUpdated}). */
        public Builder sendCreatedAsUpdated(boolean on) {
            this.sendCreatedAsUpdated = on;
            return this;
        }

        /** Accepts pushes for the source, written through this client. */
        public Builder source(String name, OdooClient client) {
            clients.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(client, "client == null"));
            return this;
        }

        /** The state database keeping the pushed-id map (migration V6, table {@code feed_push_ids}). */
        public Builder stateDatabase(StateDatabase db) {
            this.stateDatabase = Objects.requireNonNull(db, "db == null");
            return this;
        }

        /** How written records are re-read into the read model. */
        public Builder resync(Resync r) {
            this.resync = Objects.requireNonNull(r, "r == null");
            return this;
        }

        /** Validates and builds. */
        public FeedConfig build() {
            Objects.requireNonNull(connectionString, "readModel(..) not set");
            Objects.requireNonNull(sequence, "sequence(..) not set");
            if (pageSize < 1) {
                throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
            }
            if (maxPushBytes < 1024) {
                throw new IllegalArgumentException("maxPushBytes must be at least 1024, was " + maxPushBytes);
            }
            if (tables.isEmpty()) {
                throw new IllegalArgumentException("no tables");
            }
            Set<String> names = new HashSet<>();
            Set<String> models = new HashSet<>();
            Set<String> projected = new HashSet<>();
            projections.forEach(p -> projected.add(p.model()));
            for (FeedTable t : tables) {
                if (!names.add(t.name())) {
                    throw new IllegalArgumentException("table '" + t.name() + "' configured twice");
                }
                if (!models.add(t.model())) {
                    throw new IllegalArgumentException("model " + t.model() + " feeds two tables; one table per model");
                }
                if (!projected.contains(t.model())) {
                    throw new IllegalArgumentException("table '" + t.name() + "': model " + t.model() + " is not synced");
                }
            }
            for (FeedTable t : tables) {
                if (t.parent() != null && tables.stream().noneMatch(p -> p.name().equals(t.parent().parentTable()))) {
                    throw new IllegalArgumentException("table '" + t.name() + "': parent table '"
                            + t.parent().parentTable() + "' is not configured");
                }
            }
            boolean writable = tables.stream().anyMatch(FeedTable::writable);
            if (writable && !clients.isEmpty() && (stateDatabase == null || resync == null)) {
                throw new IllegalArgumentException("pushes need stateDatabase(..) and resync(..)");
            }
            return new FeedConfig(this);
        }
    }
}
