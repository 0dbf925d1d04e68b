package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A collection's stored documents as the server encodes them into a reply (BSON bytes), kept for the readers of
 * this process ({@link InProcessReads}) by the document's position: a read that finds a document here hands its
 * bytes on without reading the store's file pages, decoding them into a document and encoding that again. Compact
 * (one byte array per document) and long-lived, so a working set that fits stays put instead of churning the page
 * cache's decoded documents through the young generation.
 *
 * <p>Filled only by in-process reads of queries an index answers exactly; every write to the collection at a
 * position (insert, update, delete) forgets that position first, under the collection's lock, which the reads also
 * hold, so an entry is never older than the stored document. The collections of a store share one {@link Budget}
 * (system property {@value #MEGABYTES}, in MiB; by default a quarter of the heap, at most
 * {@value #DEFAULT_MEGABYTES} MiB; 0 turns the cache off); a collection over it gives up entries of its own, in no
 * particular order, and caches nothing while the others hold the budget.
 *
 * <p>Readers may fill it side by side; {@link #forget} and {@link #clear} run while no reader runs (a collection's
 * writes exclude its readers).
 *
 * @param <P> the backend's position of a document
 */
final class EncodedDocuments<P> {
    /** System property: the budget in MiB of all the collections' encoded documents. */
    static final String MEGABYTES = "odoobridge.embedded.documentCacheMegabytes";
    /** The default budget's ceiling: a quarter of the heap, at most this. */
    static final int DEFAULT_MEGABYTES = 256;
    /** A kept entry's bookkeeping beside its bytes: the map's node, the array's header, the position's key. */
    private static final long ENTRY_OVERHEAD = 96;

    private final Supplier<Budget> store;
    private final Map<P, byte[]> entries = new ConcurrentHashMap<>();
    private final AtomicLong used = new AtomicLong();
    private volatile Budget budget;

    /**
     * @param store the store's budget, asked for on first use (a store opens the collections found in its file
     *     while it is itself being constructed)
     */
    EncodedDocuments(Supplier<Budget> store) {
        this.store = store;
    }

    private Budget budget() {
        if (budget == null) {
            budget = Objects.requireNonNull(store.get(), "the store's budget");
        }
        return budget;
    }

    /** The bytes a store's collections may hold together. */
    static final class Budget {
        private final long limit;
        private final AtomicLong used = new AtomicLong();

        Budget(long limitBytes) {
            this.limit = limitBytes;
        }

        /** The budget the system property sets, or by default a quarter of the heap up to {@value #DEFAULT_MEGABYTES} MiB. */
        static Budget fromProperty() {
            Integer megabytes = Integer.getInteger(MEGABYTES);
            if (megabytes == null) {
                return new Budget(Math.min((long) DEFAULT_MEGABYTES << 20, Runtime.getRuntime().maxMemory() / 4));
            }
            if (megabytes < 0) {
                throw new IllegalArgumentException(MEGABYTES + " must be 0 (off) or more MiB, was " + megabytes);
            }
            return new Budget((long) megabytes << 20);
        }

        /** Bytes held by all the collections. */
        long used() {
            return used.get();
        }
    }

    /**
     * The bytes kept for the position, or else those of the document stored there, encoded now and kept when there is
     * room; null when no document is stored there.
     */
    byte[] get(P position, Function<P, Document> documentAt) {
        byte[] bytes = entries.get(position);
        if (bytes != null) {
            return bytes;
        }
        Document document = documentAt.apply(position);
        if (document == null) {
            return null;
        }
        bytes = encode(document);
        if (budget().limit > 0) {
            keep(position, bytes);
        }
        return bytes;
    }

    /**
     * Keeps the document's bytes at the position when the budget has room, without giving up any entry (a warm-up
     * fills the budget, it does not churn it); false when there was no room.
     */
    boolean offer(P position, Document document) {
        if (entries.containsKey(position)) {
            return true;
        }
        Budget budget = budget();
        if (budget.limit == 0 || budget.used.get() + ENTRY_OVERHEAD + 64 > budget.limit) {
            return false;
        }
        byte[] bytes = encode(document);
        long size = bytes.length + ENTRY_OVERHEAD;
        if (budget.used.get() + size > budget.limit) {
            return false;
        }
        add(position, bytes, size, budget);
        return true;
    }

    /** The bytes kept for the position, or null. */
    byte[] cached(P position) {
        return entries.get(position);
    }

    private void keep(P position, byte[] bytes) {
        long size = bytes.length + ENTRY_OVERHEAD;
        Budget budget = budget();
        Iterator<Map.Entry<P, byte[]>> own = entries.entrySet().iterator();
        while (budget.used.get() + size > budget.limit && own.hasNext()) {
            Map.Entry<P, byte[]> e = own.next();
            if (entries.remove(e.getKey(), e.getValue())) {
                release(e.getValue());
            }
        }
        if (budget.used.get() + size <= budget.limit) {
            add(position, bytes, size, budget);
        }
    }

    /** Keeps the bytes unless another reader kept the position's first, and counts them. */
    private void add(P position, byte[] bytes, long size, Budget budget) {
        if (entries.putIfAbsent(position, bytes) == null) {
            budget.used.addAndGet(size);
            used.addAndGet(size);
        }
    }

    /** Forgets the position (a write is about to change what is stored there). */
    void forget(P position) {
        byte[] bytes = entries.remove(position);
        if (bytes != null) {
            release(bytes);
        }
    }

    /** Forgets every position (the collection is dropped or renamed). */
    void clear() {
        for (P position : entries.keySet()) {
            forget(position);
        }
    }

    /** Bytes held by this collection's entries, with their bookkeeping. */
    long used() {
        return used.get();
    }

    /** Entries held. */
    int size() {
        return entries.size();
    }

    private void release(byte[] bytes) {
        long size = bytes.length + ENTRY_OVERHEAD;
        budget().used.addAndGet(-size);
        used.addAndGet(-size);
    }

    /**
     * The document as the server's encoder writes it into a reply (through an {@link EncodingView}: the same bytes,
     * without hashing every key).
     */
    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer(1024);
        try {
            BsonEncoder.encodeDocument(EncodingView.of(document), buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }
}
