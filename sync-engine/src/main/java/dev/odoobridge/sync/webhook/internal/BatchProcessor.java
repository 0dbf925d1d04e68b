package dev.odoobridge.sync.webhook.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.sync.Dependent;
import dev.odoobridge.sync.internal.DependentRefresh;
import dev.odoobridge.sync.internal.OdooReads;
import dev.odoobridge.sync.webhook.EventStatus;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.internal.InboxRepository.Claimed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One processing pass: claim due events, group them by (source, model), re-read each group's
 * distinct ids from Odoo in one call, apply what Odoo returns through the projector (its version
 * guard makes out-of-order and duplicate events harmless), re-read and apply the dependent children
 * of what was applied (e.g. a template's variants) and delete what Odoo no longer has.
 * A failing group is retried with exponential backoff and marked failed after the last attempt;
 * the other groups of the pass are not affected.
 */
public final class BatchProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

    /** Tuning of a processor. */
    public record Settings(int batchSize, int maxAttempts, Duration backoffBase, Duration backoffMax,
                           Duration claimTimeout) {
    }

    private record Group(String source, String model) {
    }

    private final InboxRepository inbox;
    private final RecordFetcher fetcher;
    private final Projector projector;
    private final Map<String, List<String>> fieldsByModel = new LinkedHashMap<>();
    private final Settings settings;
    private final Clock clock;
    private final DependentRefresh dependents;

    /** For these projections (their models are the ones processed, their fields the ones read), without dependents. */
    public BatchProcessor(InboxRepository inbox, RecordFetcher fetcher, Projector projector,
                          List<Projection> projections, Settings settings, Clock clock) {
        this(inbox, fetcher, projector, projections, List.of(), settings, clock);
    }

    /**
     * For these projections; applying records of a parent model of {@code dependents} re-reads
     * and applies its synced children before the events are marked done.
     */
    public BatchProcessor(InboxRepository inbox, RecordFetcher fetcher, Projector projector,
                          List<Projection> projections, List<Dependent> dependents, Settings settings, Clock clock) {
        this.inbox = inbox;
        this.fetcher = fetcher;
        this.projector = projector;
        for (Projection p : projections) {
            fieldsByModel.put(p.model(), OdooReads.readFields(p.fields()));
        }
        this.settings = settings;
        this.clock = clock;
        this.dependents = new DependentRefresh(dependents, fieldsByModel, settings.batchSize(), clock);
    }

    /** Runs one pass; returns how many events it claimed. */
    public int runOnce() {
        List<Claimed> claimed = inbox.claim(settings.batchSize(), settings.claimTimeout());
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<Group, List<Claimed>> groups = new LinkedHashMap<>();
        for (Claimed c : claimed) {
            groups.computeIfAbsent(new Group(c.source(), c.model()), g -> new ArrayList<>()).add(c);
        }
        groups.forEach(this::process);
        return claimed.size();
    }

    private void process(Group group, List<Claimed> events) {
        List<String> fields = fieldsByModel.get(group.model());
        if (fields == null) {
            inbox.finish(events, EventStatus.IGNORED, "model " + group.model() + " is not synced by this processor");
            return;
        }
        Set<Long> ids = new TreeSet<>();
        events.forEach(e -> ids.add(e.recordId()));
        try {
            Instant fetchedAt = clock.instant();
            List<OdooRecord> rows = fetcher.read(group.source(), group.model(), ids, fields);
            List<OdooRecord> wanted = new ArrayList<>(rows.size());
            Set<Long> gone = new TreeSet<>(ids);
            for (OdooRecord row : rows) {
                if (ids.contains(row.id())) {
                    wanted.add(row);
                    gone.remove(row.id());
                }
            }
            if (!wanted.isEmpty()) {
                projector.apply(group.source(), group.model(), wanted, fetchedAt);
                dependents.refresh(group.source(), group.model(), wanted.stream().map(OdooRecord::id).toList(),
                        (child, link, parentIds, childFields) ->
                                fetcher.readByLink(group.source(), child, link, parentIds, childFields), projector);
            }
            if (!gone.isEmpty()) {
                projector.delete(group.source(), group.model(), gone);
            }
            inbox.finish(events, EventStatus.DONE, null);
            LOG.debug("Webhook events {}/{}: {} posts, {} ids, {} applied, {} deleted", group.source(),
                    group.model(), events.size(), ids.size(), wanted.size(), gone.size());
        } catch (RuntimeException e) {
            int attempt = events.stream().mapToInt(Claimed::attempt).max().orElse(1);
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("Processing {} webhook events of {}/{} failed (attempt {} of {}): {}", events.size(),
                    group.source(), group.model(), attempt, settings.maxAttempts(), reason, e);
            inbox.retryOrFail(events, reason, settings.maxAttempts(), backoff(attempt));
        }
    }

    Duration backoff(int attempt) {
        long base = settings.backoffBase().toMillis();
        long max = settings.backoffMax().toMillis();
        long delay = attempt >= 31 ? max : Math.min(max, base << Math.max(0, attempt - 1));
        return Duration.ofMillis(delay);
    }
}
