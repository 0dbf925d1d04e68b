package dev.odoobridge.sync.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a model in ascending ({@code write_date}, {@code id}) order without ever splitting a
 * second across pages. Odoo returns whole seconds but sorts by hidden microseconds, so ids
 * inside one second come in any order and a plain keyset would skip rows at a page boundary.
 * The cursor therefore reads {@code write_date >= S order write_date asc, id asc limit N}; when
 * the page is full it hands over only the seconds before the page's last second L (which the
 * page holds completely), reads second L whole with {@code write_date = L} paged by id, and
 * continues from the next second.
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

    /** Rows received from Odoo so far (including the tail of a full page that is re-read whole). */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Reads everything with {@code write_date >= from} (everything when {@code from} is null)
     * and hands it to the sink in order.
     */
    public void run(Instant from, Sink sink) {
        Instant lower = from == null ? null : from.truncatedTo(ChronoUnit.SECONDS);
        while (true) {
            Domain domain = lower == null ? Domains.all() : Domains.ge("write_date", lower);
            OdooReads.Page page = reads.searchRead(domain, "write_date asc, id asc", pageSize,
                    "page of " + pageSize + (lower == null ? " from the start" : " from write_date >= " + lower));
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
            List<OdooRecord> head = new ArrayList<>(rows.size());
            for (OdooRecord row : rows) {
                if (secondOf(row).isBefore(lastSecond)) {
                    head.add(row);
                }
            }
            if (!head.isEmpty()) {
                OdooRecord last = head.get(head.size() - 1);
                sink.accept(head, page.sentAt(), new Position(secondOf(last), last.id()));
            }
            readWholeSecond(lastSecond, sink);
            lower = lastSecond.plusSeconds(1);
        }
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
