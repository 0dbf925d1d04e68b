package dev.odoobridge.sync.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a model in ascending ({@code write_date}, {@code id}) order without ever splitting a
 * second across pages. Odoo returns whole seconds but sorts by hidden microseconds, so ids
 * inside one second come in any order and a plain keyset would skip rows at a page boundary.
 *
 * <p>The cursor reads {@code write_date >= S order write_date asc, id asc limit N}. A short page
 * is the end and is handed over whole. A full page holds every second before its last second L
 * completely, but L perhaps only in part: the cursor hands over the seconds before L and starts
 * the next page at {@code write_date >= L}, which reads L again, whole. So a full page normally
 * costs one call. Only a full page made of one single second (more than N records written in
 * it) cannot advance that way; that second is then read by id
 * ({@code write_date = L and id > x order id asc}) and the cursor continues after it.
 *
 * <p>The next page's lower bound is known as soon as a page arrives, so the next page is read on a
 * second thread while the sink applies the current one: one page of read-ahead, never more, so at
 * most two pages are held at once. Pages still reach the sink one at a time and in order, so the
 * sink's checkpoint still follows its own acknowledged writes. When the sink fails, the read in
 * flight is waited for (its failure, if any, is attached as suppressed) before the failure
 * propagates, so no read outlives {@link #run}.
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

    /** Rows received from Odoo so far (including the rows of a page's last second that are read again). */
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
            run(from == null ? null : from.truncatedTo(ChronoUnit.SECONDS), sink, ahead);
        } finally {
            ahead.shutdown();
        }
    }

    private void run(Instant from, Sink sink, ExecutorService ahead) {
        Future<OdooReads.Page> next = readAhead(ahead, from);
        while (true) {
            OdooReads.Page page = await(next);
            List<OdooRecord> rows = page.rows();
            rowsRead += rows.size();
            if (rows.size() < pageSize) {
                if (!rows.isEmpty()) {
                    OdooRecord last = rows.get(rows.size() - 1);
                    sink.accept(rows, page.sentAt(), new Position(secondOf(last), last.id()));
                }
                return;
            }
            Instant lastSecond = secondOf(rows.get(rows.size() - 1));
            List<OdooRecord> head = beforeSecond(rows, lastSecond);
            if (head.isEmpty()) {
                readWholeSecond(lastSecond, sink);
                next = readAhead(ahead, lastSecond.plusSeconds(1));
                continue;
            }
            next = readAhead(ahead, lastSecond);
            OdooRecord last = head.get(head.size() - 1);
            try {
                sink.accept(head, page.sentAt(), new Position(secondOf(last), last.id()));
            } catch (RuntimeException | Error e) {
                settle(next, e);
                throw e;
            }
        }
    }

    private Future<OdooReads.Page> readAhead(ExecutorService ahead, Instant lower) {
        Domain domain = lower == null ? Domains.all() : Domains.ge("write_date", lower);
        String what = "page of " + pageSize + (lower == null ? " from the start" : " from write_date >= " + lower);
        return ahead.submit(() -> reads.searchRead(domain, "write_date asc, id asc", pageSize, what));
    }

    private static OdooReads.Page await(Future<OdooReads.Page> page) {
        try {
            return page.get();
        } catch (ExecutionException e) {
            throw SyncStepException.rethrown(e.getCause(), "reading the next page failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            page.cancel(true);
            throw new SyncStepException("interrupted while waiting for the next page; the checkpoint stays where it was", e);
        }
    }

    /** Waits for the read in flight after the sink failed, attaching its own failure to the sink's. */
    private static void settle(Future<OdooReads.Page> next, Throwable failure) {
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

    /** The rows of the seconds before {@code second}; the rows are in ascending write_date order. */
    private static List<OdooRecord> beforeSecond(List<OdooRecord> rows, Instant second) {
        int end = rows.size();
        while (end > 0 && !secondOf(rows.get(end - 1)).isBefore(second)) {
            end--;
        }
        return end == rows.size() ? rows : new ArrayList<>(rows.subList(0, end));
    }

    private void readWholeSecond(Instant second, Sink sink) {
        long afterId = 0;
        while (true) {
            Domain domain = Domains.and(Domains.eq("write_date", second), Domains.gt("id", afterId));
            OdooReads.Page page = reads.searchRead(domain, "id asc", pageSize,
                    "second " + second + " after id " + afterId);
            List<OdooRecord> rows = page.rows();
            rowsRead += rows.size();
            boolean complete = rows.size() < pageSize;
            if (!rows.isEmpty()) {
                afterId = rows.get(rows.size() - 1).id();
            }
            if (!rows.isEmpty() || complete) {
                sink.accept(rows, page.sentAt(), complete ? new Position(second, afterId) : null);
            }
            if (complete) {
                return;
            }
        }
    }

    static Instant secondOf(OdooRecord row) {
        Instant writeDate = row.getInstant("write_date");
        if (writeDate == null) {
            throw new IllegalStateException("record " + row.id() + " has no write_date; the sync needs it on every record");
        }
        return writeDate.truncatedTo(ChronoUnit.SECONDS);
    }
}
