package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;

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
 * (system property {@value #MEGABYTES}, in MiB; default {@value #DEFAULT_MEGABYTES}; 0 turns the cache off); a
 * collection over it gives up entries of its own, in no particular order, and caches nothing while the others hold
 * the budget.
 *
 * <p>Not thread-safe by itself: each method is called under the collection's lock.
 *
 * @param <P> the backend's position of a document
 */
final class EncodedDocuments<P> {
    /** System property: the budget in MiB of all the collections' encoded documents. */
    static final String MEGABYTES = "odoobridge.embedded.documentCacheMegabytes";
    static final int DEFAULT_MEGABYTES = 128;
    private static final long ENTRY_OVERHEAD = 64;

    private final Supplier<Budget> store;
    private final Map<P, byte[]> entries = new HashMap<>();
    private Budget budget;
    private long used;

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

        /** The budget the system property sets (or the default). */
        static Budget fromProperty() {
            int megabytes = Integer.getInteger(MEGABYTES, DEFAULT_MEGABYTES);
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

    /** The document's bytes at the position, encoded now and kept when there is room. */
    byte[] get(P position, Document document) {
        byte[] bytes = entries.get(position);
        if (bytes != null) {
            return bytes;
        }
        bytes = encode(document);
        if (budget().limit > 0) {
            keep(position, bytes);
        }
        return bytes;
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
            release(own.next().getValue());
            own.remove();
        }
        if (budget.used.get() + size <= budget.limit) {
            entries.put(position, bytes);
            budget.used.addAndGet(size);
            used += size;
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
        if (used != 0) {
            budget().used.addAndGet(-used);
        }
        used = 0;
        entries.clear();
    }

    /** Bytes held by this collection's entries, with their bookkeeping. */
    long used() {
        return used;
    }

    /** Entries held. */
    int size() {
        return entries.size();
    }

    private void release(byte[] bytes) {
        long size = bytes.length + ENTRY_OVERHEAD;
        budget().used.addAndGet(-size);
        used -= size;
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
