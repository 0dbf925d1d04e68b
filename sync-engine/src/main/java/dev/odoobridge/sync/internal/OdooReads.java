package dev.odoobridge.sync.internal;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.error.OdooException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The reads the sync makes on one model, always with {@code active_test: false}, counting calls
 * and turning Odoo failures into {@link SyncStepException}s that say what was being read.
 */
public final class OdooReads {
    private final ModelHandle handle;
    private final List<String> fields;
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();

    /** A page of records and the instant its read was sent. */
    public record Page(List<OdooRecord> rows, Instant sentAt) {
        public Page {
            rows = List.copyOf(rows);
        }
    }

    /**
     * @param handle the model
     * @param fields projection fields; {@code id} and {@code write_date} are added
     * @param clock time source for {@link Page#sentAt()}
     */
    public OdooReads(ModelHandle handle, List<String> fields, Clock clock) {
        this.handle = Objects.requireNonNull(handle, "handle == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.fields = readFields(Objects.requireNonNull(fields, "fields == null"));
    }

    /** The fields read for a projection's fields: {@code id} and {@code write_date} first, then the others once each. */
    public static List<String> readFields(List<String> projected) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add("id");
        all.add("write_date");
        all.addAll(projected);
        return List.copyOf(all);
    }

    /** The model name. */
    public String model() {
        return handle.name();
    }

    /** The fields read (projection fields plus id and write_date). */
    public List<String> fields() {
        return fields;
    }

    /** Odoo calls made so far. */
    public long calls() {
        return calls.get();
    }

    /** search_read with order and limit (0 = none). */
    Page searchRead(Domain domain, String order, int limit, String what) {
        SearchOptions options = SearchOptions.DEFAULT.order(order).limit(limit).includeArchived();
        Instant sentAt = clock.instant();
        List<OdooRecord> rows = call(what, () -> handle.searchRead(domain, fields, options));
        return new Page(rows, sentAt);
    }

    /** read of explicit ids (missing ids are absent from the result). */
    Page read(Collection<Long> ids, List<String> readFields, String what) {
        Instant sentAt = clock.instant();
        List<OdooRecord> rows = call(what, () -> handle.read(ids, readFields));
        return new Page(rows, sentAt);
    }

    /** search_count, archived records included. */
    long count(Domain domain, String what) {
        return call(what, () -> handle.searchCount(domain, SearchOptions.DEFAULT.includeArchived()));
    }

    /** search ids in the given order. */
    List<Long> ids(Domain domain, String order, int limit, String what) {
        SearchOptions options = SearchOptions.DEFAULT.order(order).limit(limit).includeArchived();
        return call(what, () -> handle.search(domain, options));
    }

    /** Highest id in the model (archived included), or 0 when empty. */
    long maxId() {
        List<Long> top = ids(Domains.all(), "id desc", 1, "the highest id");
        return top.isEmpty() ? 0L : top.get(0);
    }

    private <T> T call(String what, Supplier<T> body) {
        calls.incrementAndGet();
        try {
            return body.get();
        } catch (OdooException e) {
            throw new SyncStepException("reading " + handle.name() + " " + what + " failed"
                    + (e.isRetryable() ? " after the client's retries" : "") + ": " + e.getMessage(), e);
        }
    }
}
