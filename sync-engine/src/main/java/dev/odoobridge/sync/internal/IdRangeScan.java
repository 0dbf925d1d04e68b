package dev.odoobridge.sync.internal;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domains;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the records of a model with ids in {@code (afterId, maxId]} with several page reads at once,
 * for Odoo servers with more than one worker. The ids are cut into consecutive ranges of about
 * {@value #PAGES_PER_RANGE} pages each (sized from a count, so sparse ids do not mean empty calls);
 * each reader takes the next range and reads it page by page by keyset on the primary key
 * ({@code id > x and id <= end order id asc}), which is the cheapest read Odoo has. Pages go through
 * a queue holding at most one page per reader to the calling thread, which applies them one at a
 * time, so the sink needs no thread safety and at most {@code 2 × readers + 1} pages are held at once.
 *
 * <p>A range is done when its last page was applied; whenever the ranges done from the start form a
 * longer unbroken run, the progress sink hears the id up to which everything is applied (what a
 * resumed read may skip). A failure of a read or of the sink stops the readers, waits for them, and
 * propagates; no read outlives {@link #run} (a reader notices within 50 ms, or when its call returns).
 */
public final class IdRangeScan {
    private static final Logger LOG = LoggerFactory.getLogger(IdRangeScan.class);
    /** Pages per range: few enough that progress moves often, enough that a reader keeps busy. */
    static final int PAGES_PER_RANGE = 4;

    /** Receives the pages, one at a time, on the thread that called {@link #run}. */
    @FunctionalInterface
    public interface Sink {
        /** Applies one page; must return only when the page is durable. */
        void accept(List<OdooRecord> rows, Instant fetchedAt);
    }

    /** Hears how far the read is applied without a gap. */
    @FunctionalInterface
    public interface Progress {
        /** Every record with an id up to {@code id} has been applied. */
        void doneThrough(long id);
    }

    private final OdooReads reads;
    private final int pageSize;
    private final int readers;
    private final AtomicLong rowsRead = new AtomicLong();

    /**
     * @param reads the model's reads
     * @param pageSize records per call
     * @param readers page reads at once (at least 1)
     */
    public IdRangeScan(OdooReads reads, int pageSize, int readers) {
        this.reads = Objects.requireNonNull(reads, "reads == null");
        if (pageSize < 1 || readers < 1) {
            throw new IllegalArgumentException("pageSize and readers must be >= 1, were " + pageSize + ", " + readers);
        }
        this.pageSize = pageSize;
        this.readers = readers;
    }

    /** Rows received from Odoo so far. */
    public long rowsRead() {
        return rowsRead.get();
    }

    /** The ids per range for {@code records} records spread over {@code span} ids. */
    static long rangeIds(long span, long records, int pageSize) {
        long perRange = (long) pageSize * PAGES_PER_RANGE;
        if (records <= 0 || span <= perRange) {
            return Math.max(1, Math.min(span, perRange));
        }
        double idsPerRecord = (double) span / records;
        return Math.max(perRange, (long) Math.ceil(idsPerRecord * perRange));
    }

    /** Reads every record with an id in {@code (afterId, maxId]} and hands the pages to the sink. */
    public void run(long afterId, long maxId, Sink sink, Progress progress) {
        Objects.requireNonNull(sink, "sink == null");
        Objects.requireNonNull(progress, "progress == null");
        if (maxId <= afterId) {
            return;
        }
        long records = reads.count(Domains.and(Domains.gt("id", afterId), Domains.le("id", maxId)),
                "count of ids " + (afterId + 1) + ".." + maxId);
        if (records == 0) {
            progress.doneThrough(maxId);
            return;
        }
        Ranges ranges = new Ranges(afterId, maxId, rangeIds(maxId - afterId, records, pageSize));
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(readers);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger threadNumber = new AtomicInteger();
        int threads = (int) Math.min(readers, ranges.count());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "odoo-bridge-reader-" + threadNumber.incrementAndGet() + " " + reads.model());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < threads; i++) {
                pool.execute(() -> read(ranges, queue, stop));
            }
            apply(ranges, queue, threads, sink, progress);
        } finally {
            stop.set(true);
            pool.shutdownNow();
            awaitReaders(pool);
        }
    }

    private void apply(Ranges ranges, BlockingQueue<Item> queue, int threads, Sink sink, Progress progress) {
        BitSet done = new BitSet();
        int nextUndone = 0;
        int finished = 0;
        while (finished < threads) {
            Item item = take(queue);
            if (item instanceof Item.Finished) {
                finished++;
                continue;
            }
            if (item instanceof Item.Failed failed) {
                throw SyncStepException.rethrown(failed.cause(), "a page read failed");
            }
            Item.Page page = (Item.Page) item;
            if (!page.rows().isEmpty()) {
                sink.accept(page.rows(), page.fetchedAt());
            }
            if (page.lastOfRange()) {
                done.set(page.range());
                int before = nextUndone;
                nextUndone = done.nextClearBit(nextUndone);
                if (nextUndone > before) {
                    progress.doneThrough(ranges.end(nextUndone - 1));
                }
            }
        }
    }

    /** One reader: takes ranges until none are left or the applying thread stopped listening. */
    private void read(Ranges ranges, BlockingQueue<Item> queue, AtomicBoolean stop) {
        try {
            int range;
            while (!stop.get() && (range = ranges.next()) >= 0) {
                long after = ranges.start(range);
                long end = ranges.end(range);
                boolean last = false;
                while (!last) {
                    OdooReads.Page page = reads.searchRead(Domains.and(Domains.gt("id", after), Domains.le("id", end)),
                            "id asc", pageSize, "page of " + pageSize + " with ids " + (after + 1) + ".." + end);
                    List<OdooRecord> rows = page.rows();
                    rowsRead.addAndGet(rows.size());
                    if (!rows.isEmpty()) {
                        after = rows.get(rows.size() - 1).id();
                    }
                    last = rows.size() < pageSize || after >= end;
                    if (!hand(queue, new Item.Page(range, rows, page.sentAt(), last), stop)) {
                        return;
                    }
                }
            }
            hand(queue, new Item.Finished(), stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            try {
                if (!hand(queue, new Item.Failed(t), stop)) {
                    LOG.debug("page reader failed after the scan stopped", t);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Queues an item for the applying thread, waiting while the queue is full; false when that thread
     * stopped listening meanwhile (it failed or returned), so no reader waits for it forever.
     */
    private static boolean hand(BlockingQueue<Item> queue, Item item, AtomicBoolean stop) throws InterruptedException {
        while (!stop.get()) {
            if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    private static Item take(BlockingQueue<Item> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncStepException("interrupted while waiting for pages; the progress stays where it was", e);
        }
    }

    private void awaitReaders(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                LOG.warn("page readers of {} still busy 2 minutes after the scan stopped", reads.model());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a reader hands to the applying thread. */
    private sealed interface Item {
        record Page(int range, List<OdooRecord> rows, Instant fetchedAt, boolean lastOfRange) implements Item {
        }

        record Finished() implements Item {
        }

        record Failed(Throwable cause) implements Item {
        }
    }

    /** Consecutive id ranges {@code (start, end]} handed out in order. */
    static final class Ranges {
        private final long afterId;
        private final long maxId;
        private final long size;
        private final int count;
        private final AtomicInteger next = new AtomicInteger();

        Ranges(long afterId, long maxId, long size) {
            this.afterId = afterId;
            this.maxId = maxId;
            this.size = size;
            long n = (maxId - afterId + size - 1) / size;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("too many id ranges: " + n);
            }
            this.count = (int) n;
        }

        int count() {
            return count;
        }

        /** The next range to read, or -1 when all are taken. */
        int next() {
            int n = next.getAndIncrement();
            return n < count ? n : -1;
        }

        long start(int range) {
            return afterId + range * size;
        }

        long end(int range) {
            return Math.min(maxId, afterId + (range + 1) * size);
        }
    }
}
