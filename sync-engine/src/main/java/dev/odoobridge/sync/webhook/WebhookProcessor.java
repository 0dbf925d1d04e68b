package dev.odoobridge.sync.webhook;

import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.sync.Dependent;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.internal.GuardedListener;
import dev.odoobridge.sync.schema.ServerSchemas;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.internal.BatchProcessor;
import dev.odoobridge.sync.webhook.internal.InboxRepository;
import dev.odoobridge.sync.webhook.internal.InboxWorkers;
import dev.odoobridge.sync.webhook.internal.OdooRecordFetcher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Processes the webhook inbox in the background: claims due events ({@code FOR UPDATE SKIP
 * LOCKED}, so several processes can share one inbox), re-reads the posted records from Odoo with
 * one read per (source, model) for all their ids, applies them through the {@link Projector} and
 * deletes what Odoo no longer has. Pending events and events whose claim expired (their
 * processor died) are picked up after a restart. Failures are retried with exponential backoff;
 * after the last attempt an event is marked failed with the reason. Workers wake up on
 * PostgreSQL notifications, so a post is usually applied within milliseconds; each worker hands a
 * pass's bookkeeping (re-reading dependents, marking the events done) to a thread of its own and
 * claims the next pass at once, so a post waits only for the read and apply of the pass before it.
 *
 * <p>Odoo 17 and 18 post before their transaction commits: a re-read right after the post often
 * returns the record as it was. The processor compares the re-read with the post (its
 * {@code write_date} with microseconds, in the same second its field values) and re-reads an event
 * whose change Odoo does not show yet after a short wait (half the time since its receipt, 100 ms to
 * 5 s by default), until Odoo shows it, the record is gone, or the commit window (30 s by default,
 * {@link Builder#commitWait}) ends; then the event is marked {@link EventStatus#DEFERRED deferred} for
 * the next scheduled sync run and reported to the {@link SyncListener}. Re-reads that wait for a
 * commit do not count as failed attempts. Odoo 19 and later post after commit: there a record absent
 * from the re-read is gone (the server version comes from the schemas).
 */
public final class WebhookProcessor implements AutoCloseable {
    private final BatchProcessor batch;
    private final InboxWorkers workers;

    private WebhookProcessor(Builder b) {
        InboxRepository inbox = new InboxRepository(b.database.dataSource());
        ServerSchemas schemas = b.schemas;
        if (schemas == null && b.fetcher instanceof OdooRecordFetcher odoo) {
            schemas = ServerSchemas.of(odoo.clients(), b.projections);
        }
        BatchProcessor.FieldSource fields = schemas == null ? null : new SchemaFields(schemas);
        this.batch = new BatchProcessor(inbox, b.fetcher, b.projector, b.projections, b.dependents, fields,
                new GuardedListener(b.listener),
                new BatchProcessor.Settings(b.batchSize, b.maxAttempts, b.backoffBase, b.backoffMax, b.claimTimeout,
                        b.commitWait),
                b.clock);
        this.workers = new InboxWorkers(b.database.dataSource(), batch, b.workers,
                b.batchSize, b.pollInterval);
    }

    /** The fields and the webhook timing of each source, from its server's schema. */
    private record SchemaFields(ServerSchemas schemas) implements BatchProcessor.FieldSource {
        @Override
        public List<String> fields(String source, String model) {
            return schemas.readFields(source, model);
        }

        @Override
        public boolean postsAfterCommit(String source) {
            String version = schemas.current(source).serverVersion();
            java.util.regex.Matcher major = java.util.regex.Pattern.compile("(\\d+)\\.").matcher(version);
            return major.find() && Integer.parseInt(major.group(1)) >= 19;
        }
    }

    /** A builder over a state database, the Odoo side and the read model side. */
    public static Builder builder(StateDatabase database, RecordFetcher fetcher, Projector projector) {
        return new Builder(database, fetcher, projector);
    }

    /** Starts the background workers; returns this. */
    public WebhookProcessor start() {
        workers.start();
        return this;
    }

    /**
     * Runs one processing pass in the calling thread (for tests and one-shot CLI runs) and
     * returns how many events it claimed.
     */
    public int processOnce() {
        return batch.runOnce();
    }

    /** Stops the workers, waiting for the pass in progress to finish. Never throws. */
    @Override
    public void close() {
        workers.close();
    }

    /** Configuration of a {@link WebhookProcessor}. */
    public static final class Builder {
        private final StateDatabase database;
        private final RecordFetcher fetcher;
        private final Projector projector;
        private List<Projection> projections = List.of();
        private List<Dependent> dependents = Dependent.retail();
        private int workers = 1;
        private int batchSize = 500;
        private int maxAttempts = 8;
        private Duration backoffBase = Duration.ofSeconds(1);
        private Duration backoffMax = Duration.ofMinutes(10);
        private Duration claimTimeout = Duration.ofMinutes(2);
        private Duration pollInterval = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private ServerSchemas schemas;
        private SyncListener listener = SyncListener.NONE;
        private BatchProcessor.CommitWait commitWait = BatchProcessor.CommitWait.DEFAULT;

        private Builder(StateDatabase database, RecordFetcher fetcher, Projector projector) {
            this.database = Objects.requireNonNull(database, "database == null");
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher == null");
            this.projector = Objects.requireNonNull(projector, "projector == null");
        }

        /** The synced models and their fields; events of other models are marked ignored. */
        public Builder projections(List<Projection> synced) {
            this.projections = List.copyOf(Objects.requireNonNull(synced, "synced == null"));
            return this;
        }

        /**
         * The models re-read when records of another model are applied (e.g. a template's
         * variants, which show its name and price without their own {@code write_date} moving), so
         * a post about a template refreshes its variants. Default {@link Dependent#retail()}; an
         * empty list turns it off. The fetcher must implement {@link RecordFetcher#readByLink}.
         */
        public Builder dependents(List<Dependent> list) {
            this.dependents = List.copyOf(Objects.requireNonNull(list, "list == null"));
            return this;
        }

        /** Background worker threads, default 1. */
        public Builder workers(int count) {
            this.workers = positive(count, "workers");
            return this;
        }

        /** Events claimed per pass (their ids are coalesced per model), default 500. */
        public Builder batchSize(int size) {
            this.batchSize = positive(size, "batchSize");
            return this;
        }

        /** Attempts before an event is marked failed, default 8. */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = positive(attempts, "maxAttempts");
            return this;
        }

        /** Retry delay after the first failure, doubled after each further one up to {@code max}. */
        public Builder backoff(Duration base, Duration max) {
            Objects.requireNonNull(base, "base == null");
            Objects.requireNonNull(max, "max == null");
            if (base.isNegative() || max.compareTo(base) < 0) {
                throw new IllegalArgumentException("backoff needs 0 <= base <= max, got " + base + " and " + max);
            }
            this.backoffBase = base;
            this.backoffMax = max;
            return this;
        }

        /** How long a claim lasts before another processor may take the event over, default 2 minutes. */
        public Builder claimTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout == null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("claimTimeout must be positive, was " + timeout);
            }
            this.claimTimeout = timeout;
            return this;
        }

        /** Longest wait between passes without a notification (retries come due), default 1 second. */
        public Builder pollInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval == null");
            if (interval.toMillis() < 1) {
                throw new IllegalArgumentException("pollInterval must be at least 1 ms, was " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * Read each source's models with the fields its server has, from this schema cache (e.g. the
         * sync engine's {@link dev.odoobridge.sync.SyncEngine#schemas()}, so both read the same fields).
         * Default: a cache of its own over the clients of a {@link RecordFetcher#odoo} fetcher; another
         * fetcher reads the projections' fields as configured.
         */
        public Builder schemas(ServerSchemas serverSchemas) {
            this.schemas = Objects.requireNonNull(serverSchemas, "serverSchemas == null");
            return this;
        }

        /** Told about events awaiting a commit and deferred ones; default none. Must not throw. */
        public Builder listener(SyncListener syncListener) {
            this.listener = Objects.requireNonNull(syncListener, "syncListener == null");
            return this;
        }

        /**
         * How long an event whose change Odoo does not show yet is re-read: within {@code window} of its
         * receipt, after waits of half the time since its receipt kept within {@code minDelay} and
         * {@code maxDelay}. Default 30 s, 100 ms, 5 s.
         */
        public Builder commitWait(Duration window, Duration minDelay, Duration maxDelay) {
            this.commitWait = new BatchProcessor.CommitWait(window, minDelay, maxDelay);
            return this;
        }

        /** Clock for {@code fetchedAt} (tests). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock == null");
            return this;
        }

        /** Validates and builds; call {@link WebhookProcessor#start()} to run in the background. */
        public WebhookProcessor build() {
            if (projections.isEmpty()) {
                throw new IllegalStateException("Configure the projections (synced models) the processor applies");
            }
            return new WebhookProcessor(this);
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
