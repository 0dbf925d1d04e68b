package dev.odoobridge.sync.webhook.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.sync.Dependent;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.internal.DependentRefresh;
import dev.odoobridge.sync.internal.OdooReads;
import dev.odoobridge.sync.webhook.EventStatus;
import dev.odoobridge.sync.webhook.internal.InboxRepository.Claimed;
import dev.odoobridge.sync.webhook.RecordFetcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One processing pass: claim due events, group them by (source, model), re-read each group's
 * distinct ids from Odoo in one call, apply what Odoo returns through the projector (its version
 * guard makes out-of-order and duplicate events harmless) and delete what Odoo no longer has; then,
 * as the pass's bookkeeping ({@link Pass#finish()}), re-read and apply the dependent children of what
 * was applied (e.g. a template's variants) and record each event's outcome. The background workers
 * run a pass's bookkeeping while the next pass claims and applies, so a post does not wait for the
 * previous pass's dependents and mark-done; the version guard ({@code write_date}, then the instant
 * taken before each read) keeps an older read from replacing a newer one whichever lands last.
 *
 * <p>Odoo 17 and 18 post before their transaction commits, so the re-read may not show the change
 * yet ({@link CommitCheck}). Such an event is put back and re-read after a short wait — half the time
 * since it was received, within the {@link CommitWait} bounds — until Odoo shows the change, the
 * record is gone, or the commit window since its receipt ends: then it is marked
 * {@link EventStatus#DEFERRED deferred} (the next scheduled run reads the change) and reported to the
 * listener; nothing is dropped silently. What a re-read returns is applied every time (the version
 * guard keeps it from going back).
 *
 * <p>A failing group is retried with exponential backoff and marked failed after the last attempt;
 * the other groups of the pass are not affected.
 */
public final class BatchProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

    /** Tuning of a processor. */
    public record Settings(int batchSize, int maxAttempts, Duration backoffBase, Duration backoffMax,
                           Duration claimTimeout, CommitWait commitWait) {
        public Settings {
            Objects.requireNonNull(commitWait, "commitWait == null");
        }

        /** With the default commit wait. */
        public Settings(int batchSize, int maxAttempts, Duration backoffBase, Duration backoffMax, Duration claimTimeout) {
            this(batchSize, maxAttempts, backoffBase, backoffMax, claimTimeout, CommitWait.DEFAULT);
        }
    }

    /**
     * How long to wait for Odoo to show a posted change.
     *
     * @param window how long after its receipt an event is re-read before it is deferred
     * @param minDelay the shortest wait before a re-read
     * @param maxDelay the longest wait before a re-read
     */
    public record CommitWait(Duration window, Duration minDelay, Duration maxDelay) {
        /** 30 s window, re-reads after 100 ms growing to at most 5 s. */
        public static final CommitWait DEFAULT = new CommitWait(Duration.ofSeconds(30), Duration.ofMillis(100),
                Duration.ofSeconds(5));

        public CommitWait {
            Objects.requireNonNull(window, "window == null");
            Objects.requireNonNull(minDelay, "minDelay == null");
            Objects.requireNonNull(maxDelay, "maxDelay == null");
            if (window.isNegative() || minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
                throw new IllegalArgumentException("commit wait needs window >= 0 and 0 <= minDelay <= maxDelay, got "
                        + window + ", " + minDelay + ", " + maxDelay);
            }
        }

        /** The wait before the next re-read, or null when the window has ended. */
        Duration next(Instant receivedAt, Instant now) {
            Instant deadline = receivedAt.plus(window);
            if (!now.isBefore(deadline)) {
                return null;
            }
            Duration elapsed = Duration.between(receivedAt, now);
            Duration delay = elapsed.dividedBy(2);
            if (delay.compareTo(minDelay) < 0) {
                delay = minDelay;
            }
            if (delay.compareTo(maxDelay) > 0) {
                delay = maxDelay;
            }
            Duration left = Duration.between(now, deadline);
            return delay.compareTo(left) > 0 ? left : delay;
        }
    }

    /** Reads the fields of a synced model on a source ({@code id} and {@code write_date} included). */
    @FunctionalInterface
    public interface FieldSource {
        /** The fields to read; throws when the model cannot be read there. */
        List<String> fields(String source, String model);

        /**
         * Whether the source's Odoo posts webhooks after its transaction commits (19.0 and later): then a
         * record absent from the re-read is gone, not a create still being committed. The default does not
         * know and treats every source as posting before commit.
         */
        default boolean postsAfterCommit(String source) {
            return false;
        }
    }

    private record Group(String source, String model) {
    }

    private final InboxRepository inbox;
    private final RecordFetcher fetcher;
    private final Projector projector;
    private final Set<String> models;
    private final FieldSource fields;
    private final Settings settings;
    private final Clock clock;
    private final DependentRefresh dependents;
    private final SyncListener listener;

    /** For these projections (their models are the ones processed, their fields the ones read), without dependents. */
    public BatchProcessor(InboxRepository inbox, RecordFetcher fetcher, Projector projector,
                          List<Projection> projections, Settings settings, Clock clock) {
        this(inbox, fetcher, projector, projections, List.of(), null, SyncListener.NONE, settings, clock);
    }

    /**
     * For these projections; applying records of a parent model of {@code dependents} re-reads
     * and applies its synced children before the events are marked done.
     *
     * @param fieldSource the fields read per source and model (a server's schema), or null to read
     *     the projections' fields as configured
     * @param listener told about events awaiting a commit and deferred ones (must not throw)
     */
    public BatchProcessor(InboxRepository inbox, RecordFetcher fetcher, Projector projector,
                          List<Projection> projections, List<Dependent> dependents, FieldSource fieldSource,
                          SyncListener listener, Settings settings, Clock clock) {
        this.inbox = inbox;
        this.fetcher = fetcher;
        this.projector = projector;
        Map<String, List<String>> configured = new LinkedHashMap<>();
        for (Projection p : projections) {
            configured.put(p.model(), OdooReads.readFields(p.fields()));
        }
        this.models = Set.copyOf(configured.keySet());
        this.fields = fieldSource != null ? fieldSource : (source, model) -> configured.get(model);
        this.settings = settings;
        this.clock = clock;
        this.listener = Objects.requireNonNull(listener, "listener == null");
        this.dependents = new DependentRefresh(dependents, models, (source, model) -> {
            try {
                return fields.fields(source, model);
            } catch (RuntimeException e) {
                return null;
            }
        }, settings.batchSize(), clock);
    }

    /**
     * A pass whose records are applied: what is left is its bookkeeping (the dependents' refresh, then
     * each event's outcome), which {@link #finish()} runs, possibly on another thread while the next
     * pass claims and applies. The events stay claimed until then, so a crash before it re-processes
     * them after their claim expires.
     */
    public static final class Pass {
        /** A pass that claimed nothing. */
        public static final Pass NONE = new Pass(0, List.of());

        private final int claimed;
        private final List<Runnable> rest;

        private Pass(int claimed, List<Runnable> rest) {
            this.claimed = claimed;
            this.rest = rest;
        }

        /** How many events the pass claimed. */
        public int claimed() {
            return claimed;
        }

        /**
         * Refreshes the dependents and records every event's outcome, group by group; a group that
         * cannot be recorded (the state database is down) does not stop the others, and the first such
         * failure is thrown at the end (those events are taken over once their claim expires).
         */
        public void finish() {
            RuntimeException first = null;
            for (Runnable r : rest) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /** Runs one pass, its bookkeeping included; returns how many events it claimed. */
    public int runOnce() {
        Pass pass = apply();
        pass.finish();
        return pass.claimed();
    }

    /**
     * Claims due events, re-reads their records and applies them (and deletes what Odoo no longer
     * has); returns the pass with its bookkeeping still to {@link Pass#finish() finish}.
     */
    public Pass apply() {
        List<Claimed> claimed = inbox.claim(settings.batchSize(), settings.claimTimeout());
        if (claimed.isEmpty()) {
            return Pass.NONE;
        }
        Map<Group, List<Claimed>> groups = new LinkedHashMap<>();
        for (Claimed c : claimed) {
            groups.computeIfAbsent(new Group(c.source(), c.model()), g -> new ArrayList<>()).add(c);
        }
        List<Runnable> rest = new ArrayList<>(groups.size());
        groups.forEach((group, events) -> rest.add(apply(group, events)));
        return new Pass(claimed.size(), rest);
    }

    /** Applies one group; returns its bookkeeping. */
    private Runnable apply(Group group, List<Claimed> events) {
        if (!models.contains(group.model())) {
            return () -> inbox.finish(events, EventStatus.IGNORED,
                    "model " + group.model() + " is not synced by this processor");
        }
        Set<Long> ids = new TreeSet<>();
        Set<Long> deletions = new TreeSet<>();
        events.forEach(e -> {
            ids.add(e.recordId());
            if ("unlink".equals(e.action())) {
                deletions.add(e.recordId());
            }
        });
        try {
            List<String> read = fields.fields(group.source(), group.model());
            Instant fetchedAt = clock.instant();
            List<OdooRecord> rows = fetcher.read(group.source(), group.model(), ids, read);
            Map<Long, OdooRecord> byId = new HashMap<>();
            List<OdooRecord> wanted = new ArrayList<>(rows.size());
            Set<Long> gone = new TreeSet<>(ids);
            for (OdooRecord row : rows) {
                if (ids.contains(row.id())) {
                    wanted.add(row);
                    byId.put(row.id(), row);
                    gone.remove(row.id());
                }
            }
            Set<Long> stored = gone.isEmpty() ? Set.of()
                    : projector.existing(group.source(), group.model(), gone);
            if (!wanted.isEmpty()) {
                projector.apply(group.source(), group.model(), wanted, fetchedAt);
            }
            if (!stored.isEmpty()) {
                projector.delete(group.source(), group.model(), stored);
            }
            return () -> {
                try {
                    if (!wanted.isEmpty()) {
                        dependents.refresh(group.source(), group.model(), wanted.stream().map(OdooRecord::id).toList(),
                                (child, link, parentIds, childFields) ->
                                        fetcher.readByLink(group.source(), child, link, parentIds, childFields),
                                projector);
                    }
                    settle(group, events, byId, deletions, stored);
                    LOG.debug("Webhook events {}/{}: {} posts, {} ids, {} applied, {} deleted", group.source(),
                            group.model(), events.size(), ids.size(), wanted.size(), stored.size());
                } catch (RuntimeException e) {
                    failed(group, events, e);
                }
            };
        } catch (RuntimeException e) {
            return () -> failed(group, events, e);
        }
    }

    private void failed(Group group, List<Claimed> events, RuntimeException e) {
        int failures = events.stream().mapToInt(Claimed::failures).max().orElse(0) + 1;
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("Processing {} webhook events of {}/{} failed (attempt {} of {}): {}", events.size(),
                group.source(), group.model(), failures, settings.maxAttempts(), reason, e);
        inbox.retryOrFail(events, reason, settings.maxAttempts(), backoff(failures));
        listener.webhookFailed(group.source(), group.model(), events.size(), e);
    }

    /** Marks each event done, puts it back to wait for its commit, or defers it once the window has ended. */
    private void settle(Group group, List<Claimed> events, Map<Long, OdooRecord> byId, Set<Long> deletions,
                        Set<Long> stored) {
        // wall-clock time, as the inbox's receipt time (the clock setting is for fetch instants in tests)
        Instant now = Instant.now();
        List<Claimed> done = new ArrayList<>();
        Map<Duration, List<Claimed>> waiting = new LinkedHashMap<>();
        Map<String, List<Claimed>> deferred = new LinkedHashMap<>();
        boolean afterCommit = postsAfterCommit(group.source());
        Map<Long, List<Claimed>> byRecord = new LinkedHashMap<>();
        events.forEach(e -> byRecord.computeIfAbsent(e.recordId(), id -> new ArrayList<>()).add(e));
        for (List<Claimed> posts : byRecord.values()) {
            Claimed latest = latest(posts);
            CommitCheck.Result r = CommitCheck.check(latest.payload(), byId.get(latest.recordId()),
                    "unlink".equals(latest.action()), deletions.contains(latest.recordId()) || afterCommit,
                    stored.contains(latest.recordId()));
            if (r.verdict() == CommitCheck.Verdict.SEEN || r.verdict() == CommitCheck.Verdict.GONE) {
                done.addAll(posts);
                continue;
            }
            Instant firstReceived = posts.stream().map(Claimed::receivedAt).min(Instant::compareTo).orElseThrow();
            Duration delay = settings.commitWait().next(firstReceived, now);
            if (delay != null) {
                waiting.computeIfAbsent(delay, d -> new ArrayList<>()).addAll(posts);
            } else {
                deferred.computeIfAbsent(r.seen() + "; deferred to the next scheduled sync run after the "
                        + settings.commitWait().window().toSeconds() + " s commit window", x -> new ArrayList<>())
                        .addAll(posts);
            }
        }
        inbox.finish(done, EventStatus.DONE, null);
        if (!done.isEmpty()) {
            listener.webhookApplied(group.source(), group.model(), done.stream().map(Claimed::receivedAt).toList(), now);
        }
        waiting.forEach((delay, list) -> {
            inbox.awaitCommit(list, "awaiting the commit of the posted change", delay);
            listener.webhookAwaitingCommit(group.source(), group.model(), list.size(), delay);
        });
        deferred.forEach((reason, list) -> {
            inbox.finish(list, EventStatus.DEFERRED, reason);
            LOG.info("Deferred {} webhook events of {}/{}: {}", list.size(), group.source(), group.model(), reason);
            listener.webhookDeferred(group.source(), group.model(), list.size(), reason);
        });
    }

    private boolean postsAfterCommit(String source) {
        try {
            return fields.postsAfterCommit(source);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The post that tells the record's latest state: the newest announced {@code write_date} (posts
     * without one count as oldest), and among equal ones the last received.
     */
    private static Claimed latest(List<Claimed> posts) {
        Claimed best = null;
        Instant bestWritten = null;
        for (Claimed c : posts) {
            Instant written = CommitCheck.postedWriteDate(c.payload());
            boolean newer = best == null
                    || (written != null && (bestWritten == null || written.isAfter(bestWritten)))
                    || (Objects.equals(written, bestWritten) && c.id() > best.id());
            if (newer) {
                best = c;
                bestWritten = written;
            }
        }
        return best;
    }

    Duration backoff(int attempt) {
        long base = settings.backoffBase().toMillis();
        long max = settings.backoffMax().toMillis();
        long delay = attempt >= 31 ? max : Math.min(max, base << Math.max(0, attempt - 1));
        return Duration.ofMillis(delay);
    }
}
