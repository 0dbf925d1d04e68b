package dev.odoobridge.sync.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a model in ascending {@code write_date} order, each record once, without losing rows
 * at a page boundary inside a second.
 *
 * <p><b>What Odoo gives.</b> The database keeps {@code write_date} with microseconds, every read
 * returns whole seconds, a domain on a whole-second literal covers the whole second ({@code =}
 * any microsecond in it, {@code >=} from its start) and {@code order 'write_date asc, id asc'}
 * sorts by the hidden microseconds first. So inside one second ids come in any order, and a
 * record's place in that order cannot be named in a domain: a plain ({@code write_date},
 * {@code id}) keyset skips rows.
 *
 * <p><b>The reads.</b> Every read is {@code limit N}, ordered {@code write_date asc, id asc}, of
 * one of three domains:
 * <ol>
 *   <li>{@code write_date >= S} (or everything) — the first page;</li>
 *   <li>{@code (write_date = L and id not in E) or write_date >= L+1s} — after a full page whose
 *       last second L it held in part: E are the ids of L it held;</li>
 *   <li>{@code write_date = L and id not in E and id > x}, ordered {@code id asc} — a second too
 *       large for the pages: taken when a page of domain 2 again held only second L; E are then
 *       the ids of L the two pages held (at most 2N) and x the highest id this mode read.</li>
 * </ol>
 * A page is handed over whole as soon as it arrives. The next domain follows from the page
 * alone, so the next page is read while the sink applies this one.
 *
 * <p><b>Why nothing is lost or read twice.</b> Call the second of a record's committed
 * {@code write_date} its second. (a) A full page of domain 1 or 2 whose last second is L holds
 * every record of the domain with a second before L, as the page was read: all of them sort
 * before any record of L, and one record of L is in the page. (b) So after that page everything
 * of the domain before L has been handed over, and of L exactly the ids E; the next read, domain
 * 2, asks for the rest of L and everything after L, and excludes E, so no record of L comes back.
 * A short page holds the whole domain. (c) In domain 3 the pages are disjoint by the id keyset and
 * exclude E, and a short page ends the second; the cursor then goes on with domain 1 from L+1s.
 * (d) By induction every record that keeps its second from the first read to the last is handed
 * over exactly once, and every position the sink is told is complete is. A record written during
 * the read gets a newer second and comes in a later page (it may then be handed over twice, the
 * second copy newer; the projector keeps the newer). A record deleted during the read is simply
 * not read. A transaction that commits during the read with an older second (Odoo stamps
 * {@code write_date} at the transaction's start) is caught when its second is still ahead of the
 * cursor, or is L itself; one whose second the cursor has passed is the overlap window's case:
 * the next run starts from the checkpoint less the overlap and reads it.
 *
 * <p><b>Cost.</b> One call per page of N records, like a bare read of the same pages, except
 * for a second holding more records than fit in two pages, which costs one more call at its end.
 * The rows read are the records handed over.
 *
 * <p>At most two pages are held at once (the one applied and the one read ahead). Pages reach the
 * sink one at a time and in order, so the sink's checkpoint follows its own acknowledged writes.
 * When the sink fails, the read in flight is waited for (its failure, if any, is attached as
 * suppressed) before the failure propagates, so no read outlives {@link #run}.
 */
public final class WriteDateCursor {

    /** Where the read model is complete up to: every record of seconds up to {@code second}. */
    public record Position(Instant second, long id) {
        public Position {
            Objects.requireNonNull(second, "second == null");
        }
    }

    /** Receives pages in order; {@code complete} is non-null when every record up to it has been handed over. */
    @FunctionalInterface
    public interface Sink {
        /** Applies one page; must return only when the page is durable. */
        void accept(List<OdooRecord> rows, Instant fetchedAt, Position complete);
    }

    /**
     * One read to make: domain 1 ({@code lower} only), 2 ({@code second} and {@code seen}, not by id) or 3
     * ({@code byId}, after {@code afterId}).
     */
    private record Step(Instant lower, Instant second, Set<Long> seen, boolean byId, long afterId) {
        static Step from(Instant lower) {
            return new Step(lower, null, Set.of(), false, 0);
        }

        static Step restOf(Instant second, Set<Long> seen) {
            return new Step(null, second, seen, false, 0);
        }

        static Step byIds(Instant second, Set<Long> seen, long afterId) {
            return new Step(null, second, seen, true, afterId);
        }

        Domain domain() {
            if (byId) {
                return Domains.and(Domains.eq("write_date", second), Domains.notIn("id", seen), Domains.gt("id", afterId));
            }
            if (second != null) {
                return Domains.or(Domains.and(Domains.eq("write_date", second), Domains.notIn("id", seen)),
                        Domains.ge("write_date", second.plusSeconds(1)));
            }
            return lower == null ? Domains.all() : Domains.ge("write_date", lower);
        }

        String order() {
            return byId ? "id asc" : "write_date asc, id asc";
        }

        String describe(int pageSize) {
            if (byId) {
                return "second " + second + " after id " + afterId;
            }
            if (second != null) {
                return "page of " + pageSize + " after " + seen.size() + " records of second " + second;
            }
            return "page of " + pageSize + (lower == null ? " from the start" : " from write_date >= " + lower);
        }
    }

    private record Read(Step step, OdooReads.Page page) {
    }

    private final OdooReads reads;
    private final int pageSize;
    private long rowsRead;

    /** A cursor reading {@code pageSize} rows per call. */
    public WriteDateCursor(OdooReads reads, int pageSize) {
        this.reads = Objects.requireNonNull(reads, "reads == null");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /** Rows received from Odoo so far. */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Reads everything with {@code write_date >= from} (everything when {@code from} is null)
     * and hands it to the sink in order.
     */
    public void run(Instant from, Sink sink) {
        ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "odoo-bridge-read-ahead " + reads.model());
            t.setDaemon(true);
            return t;
        });
        try {
            run(Step.from(from == null ? null : from.truncatedTo(ChronoUnit.SECONDS)), sink, ahead);
        } finally {
            ahead.shutdown();
        }
    }

    private void run(Step first, Sink sink, ExecutorService ahead) {
        Future<Read> next = readAhead(ahead, first);
        while (true) {
            Read read = await(next);
            Step step = read.step();
            List<OdooRecord> rows = read.page().rows();
            rowsRead += rows.size();
            Position complete;
            Step following;
            if (step.byId()) {
                long afterId = rows.isEmpty() ? step.afterId() : rows.get(rows.size() - 1).id();
                boolean done = rows.size() < pageSize;
                complete = done ? new Position(step.second(), afterId) : null;
                following = done ? Step.from(step.second().plusSeconds(1)) : Step.byIds(step.second(), step.seen(), afterId);
            } else if (rows.size() < pageSize) {
                complete = rows.isEmpty() ? finishedSecond(step) : positionOf(rows.get(rows.size() - 1));
                following = null;
            } else {
                Instant last = secondOf(rows.get(rows.size() - 1));
                OdooRecord before = lastBefore(rows, last);
                complete = before != null ? positionOf(before)
                        : last.equals(step.second()) ? null : finishedSecond(step);
                if (before == null && last.equals(step.second())) {
                    following = Step.byIds(last, union(step.seen(), rows), 0);
                } else {
                    following = Step.restOf(last, union(Set.of(), idsOfSecond(rows, last)));
                }
            }
            if (following != null) {
                next = readAhead(ahead, following);
            }
            if (!rows.isEmpty() || complete != null) {
                try {
                    sink.accept(rows, read.page().sentAt(), complete);
                } catch (RuntimeException | Error e) {
                    if (following != null) {
                        settle(next, e);
                    }
                    throw e;
                }
            }
            if (following == null) {
                return;
            }
        }
    }

    /** The position an empty short page of {@code step} completes: the partly read second it finished, if any. */
    private static Position finishedSecond(Step step) {
        if (step.second() == null) {
            return null;
        }
        return new Position(step.second(), step.seen().stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private Future<Read> readAhead(ExecutorService ahead, Step step) {
        return ahead.submit(() -> new Read(step, reads.searchRead(step.domain(), step.order(), pageSize,
                step.describe(pageSize))));
    }

    private static Read await(Future<Read> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            throw SyncStepException.rethrown(e.getCause(), "reading the next page failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            read.cancel(true);
            throw new SyncStepException("interrupted while waiting for the next page; the checkpoint stays where it was", e);
        }
    }

    /** Waits for the read in flight after the sink failed, attaching its own failure to the sink's. */
    private static void settle(Future<Read> next, Throwable failure) {
        try {
            next.get();
        } catch (ExecutionException e) {
            failure.addSuppressed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next.cancel(true);
            failure.addSuppressed(e);
        }
    }

    /** The last row of a second before {@code second}, or null; the rows are in ascending write_date order. */
    private static OdooRecord lastBefore(List<OdooRecord> rows, Instant second) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (secondOf(rows.get(i)).isBefore(second)) {
                return rows.get(i);
            }
        }
        return null;
    }

    private static List<OdooRecord> idsOfSecond(List<OdooRecord> rows, Instant second) {
        List<OdooRecord> out = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0 && secondOf(rows.get(i)).equals(second); i--) {
            out.add(rows.get(i));
        }
        return out;
    }

    private static Set<Long> union(Set<Long> seen, List<OdooRecord> rows) {
        TreeSet<Long> out = new TreeSet<>(seen);
        rows.forEach(r -> out.add(r.id()));
        return Collections.unmodifiableSet(out);
    }

    private static Position positionOf(OdooRecord row) {
        return new Position(secondOf(row), row.id());
    }

    static Instant secondOf(OdooRecord row) {
        Instant writeDate = row.getInstant("write_date");
        if (writeDate == null) {
            throw new IllegalStateException("record " + row.id() + " has no write_date; the sync needs it on every record");
        }
        return writeDate.truncatedTo(ChronoUnit.SECONDS);
    }
}
