package dev.odoobridge.sync.internal;

import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.readmodel.Projector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds the ids that differ between Odoo and the read model by id range: compares
 * {@code search_count} with the read model's count for a range, bisects ranges whose counts
 * differ down to {@code leafSize} ids, and only then compares id sets. Its cost grows with the
 * number of differences (times the depth of the bisection), not with the table size. In repair
 * mode it deletes what Odoo no longer has and fetches what the read model misses.
 */
public final class Reconciler {
    /** Largest span, in leaves, compared with one count before bisecting. */
    static final int TOP_LEAVES = 64;

    /** What a reconciliation found (and, in repair mode, fixed). */
    public record Result(List<Long> missingInMongo, List<Long> extraInMongo, long deleted, ApplyResult fetched) {
        public Result {
            missingInMongo = List.copyOf(missingInMongo);
            extraInMongo = List.copyOf(extraInMongo);
            Objects.requireNonNull(fetched, "fetched == null");
        }
    }

    /** Receives records fetched for ids the read model misses. */
    @FunctionalInterface
    public interface FetchSink {
        /** Applies records read at {@code page.sentAt()}. */
        ApplyResult apply(OdooReads.Page page);
    }

    private final OdooReads reads;
    private final Projector projector;
    private final String source;
    private final int leafSize;
    private final boolean bisect;
    private final List<Long> missing = new ArrayList<>();
    private final List<Long> extra = new ArrayList<>();
    private long deleted;
    private ApplyResult fetched = ApplyResult.EMPTY;

    /**
     * @param reads reads on the model
     * @param projector the read model
     * @param source source name
     * @param leafSize ranges this small (in ids) are compared id by id
     * @param bisect true: skip ranges whose counts agree (cheap; a record missing in the read
     *     model and one deleted in Odoo inside the same range cancel out, which cannot happen
     *     right after a cursor pass has fetched every new record); false: compare every id
     *     (cost proportional to the table, for drift checks)
     */
    public Reconciler(OdooReads reads, Projector projector, String source, int leafSize, boolean bisect) {
        this.reads = Objects.requireNonNull(reads, "reads == null");
        this.projector = Objects.requireNonNull(projector, "projector == null");
        this.source = Objects.requireNonNull(source, "source == null");
        if (leafSize < 1) {
            throw new IllegalArgumentException("leafSize must be >= 1, was " + leafSize);
        }
        this.leafSize = leafSize;
        this.bisect = bisect;
    }

    /** How many documents the read model must hold in an id range, when the caller knows without asking it. */
    @FunctionalInterface
    public interface HeldCount {
        /** The documents held with {@code from <= odoo id <= to}. */
        long count(long from, long to);
    }

    /**
     * Compares the whole id space. With {@code sink == null} only reports; otherwise deletes
     * extra documents and applies the missing records through the sink.
     */
    public Result run(FetchSink sink) {
        return run(top(), sink, null);
    }

    /** The highest id on either side: the end of the id space compared. */
    public long top() {
        return Math.max(reads.maxId(), projector.maxId(source, reads.model()));
    }

    /**
     * Compares ids {@code 1..top}. With {@code held}, the read model's side of each first span is taken
     * from it instead of counted; a span whose counts then differ is counted on both sides and bisected
     * as usual.
     */
    public Result run(long top, FetchSink sink, HeldCount held) {
        if (top > 0 && bisect) {
            // start from spans of at most TOP_LEAVES leaves rather than the whole id space: a store that
            // counts by visiting documents (the embedded server) then never holds more than a span
            long span = (long) leafSize * TOP_LEAVES;
            for (long a = 1; a <= top; a += span) {
                long b = Math.min(top, a + span - 1);
                if (held == null || odooCount(a, b) != held.count(a, b)) {
                    range(a, b, sink);
                }
            }
        } else if (top > 0) {
            leaves(1, top, -1, -1, sink);
        }
        return new Result(missing, extra, deleted, fetched);
    }

    private void range(long from, long to, FetchSink sink) {
        long odoo = odooCount(from, to);
        long mongo = projector.count(source, reads.model(), from, to);
        if (odoo == mongo) {
            return;
        }
        if (to - from + 1 <= leafSize || odoo == 0 || mongo == 0) {
            leaves(from, to, odoo, mongo, sink);
            return;
        }
        long mid = from + (to - from) / 2;
        range(from, mid, sink);
        range(mid + 1, to, sink);
    }

    /** Compares id sets leaf by leaf (a whole range at once when one side is empty). */
    private void leaves(long from, long to, long odooCount, long mongoCount, FetchSink sink) {
        for (long a = from; a <= to; a += leafSize) {
            long b = Math.min(to, a + leafSize - 1);
            SortedSet<Long> odooIds = odooCount == 0 ? new TreeSet<>()
                    : new TreeSet<>(reads.ids(idRange(a, b), "id asc", 0, "ids " + a + ".." + b));
            SortedSet<Long> mongoIds = mongoCount == 0 ? new TreeSet<>() : projector.ids(source, reads.model(), a, b);
            List<Long> gone = new ArrayList<>();
            for (Long id : mongoIds) {
                if (!odooIds.contains(id)) {
                    gone.add(id);
                }
            }
            List<Long> absent = new ArrayList<>();
            for (Long id : odooIds) {
                if (!mongoIds.contains(id)) {
                    absent.add(id);
                }
            }
            extra.addAll(gone);
            missing.addAll(absent);
            if (sink != null) {
                if (!gone.isEmpty()) {
                    deleted += projector.delete(source, reads.model(), gone);
                }
                if (!absent.isEmpty()) {
                    fetched = fetched.plus(sink.apply(reads.read(absent, reads.fields(), "ids missing in MongoDB " + a + ".." + b)));
                }
            }
        }
    }

    private long odooCount(long from, long to) {
        return reads.count(idRange(from, to), "count of ids " + from + ".." + to);
    }

    private static Domain idRange(long from, long to) {
        return Domains.and(Domains.ge("id", from), Domains.le("id", to));
    }
}
