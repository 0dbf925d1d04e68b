package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.bson.RawBsonDocument;

/**
 * A collection's stored documents as the server encodes them into a reply (BSON bytes), kept for the readers of
 * this process ({@link InProcessReads}) by the document's position: a read that finds a document here hands its
 * bytes on without reading the store's file pages, decoding them into a document and encoding that again.
 *
 * <p>The bytes are appended to large arrays (slabs, growing to {@value #MAX_SLAB_BYTES} bytes, which G1 allocates
 * straight into the old generation) and found through {@link KeptPlaces}, so a kept document is no object of its
 * own: warming up 100,000 documents leaves no survivors for the young collections to copy, and a read hands out a
 * {@link RawBsonDocument} over its slab. A slab is never written twice: a forgotten document's bytes stay until the
 * whole slab is given up, so a document handed out stays intact.
 *
 * <p>Filled only by in-process reads of queries an index answers exactly; every write to the collection at a
 * position (insert, update, delete) forgets that position first, under the collection's lock, which the reads also
 * hold, so an entry is never older than the stored document. The collections of a store share one {@link Budget}
 * (system property {@value #MEGABYTES}, in MiB; by default a quarter of the heap, at most
 * {@value #DEFAULT_MEGABYTES} MiB; 0 turns the cache off), counted in whole slabs. A collection that needs room gives
 * up its own slab with the fewest live bytes (its documents are encoded again when next read), and first whenever
 * more than half of what it holds was forgotten; it keeps nothing while the others hold the budget.
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
    /** The largest slab: half of G1's largest region, so a slab of this size is always allocated as humongous. */
    static final int MAX_SLAB_BYTES = 16 << 20;
    /** A collection's first slab. */
    static final int FIRST_SLAB_BYTES = 64 << 10;

    private final Supplier<Budget> store;
    private final KeptPlaces places = new KeptPlaces();
    private final List<Slab> slabs = new ArrayList<>();
    private Slab current;
    private long held;
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

        private boolean reserve(long bytes) {
            long before;
            do {
                before = used.get();
                if (before + bytes > limit) {
                    return false;
                }
            } while (!used.compareAndSet(before, before + bytes));
            return true;
        }

        private void release(long bytes) {
            used.addAndGet(-bytes);
        }

        /** The largest slab a collection takes: no more than the whole budget. */
        private int maxSlab() {
            return (int) Math.min(MAX_SLAB_BYTES, limit);
        }
    }

    /** Bytes appended one document after another; {@code live} counts those not forgotten. */
    private static final class Slab {
        final int id;
        final byte[] bytes;
        int fill;
        long live;

        Slab(int id, int size) {
            this.id = id;
            this.bytes = new byte[size];
        }
    }

    /**
     * The document kept for the position, or else the one stored there, encoded now and kept when there is room
     * (giving up some of this collection's own entries if need be); null when no document is stored there.
     */
    RawBsonDocument get(P position, Function<P, Document> documentAt) {
        RawBsonDocument kept = cached(position);
        if (kept != null) {
            return kept;
        }
        Document document = documentAt.apply(position);
        if (document == null) {
            return null;
        }
        byte[] bytes = encode(document);
        if (budget().limit > 0) {
            keep(position, bytes, true);
        }
        return new RawBsonDocument(bytes);
    }

    /**
     * Keeps the document's bytes at the position when the budget has room, without giving up any entry (a warm-up
     * fills the budget, it does not churn it); false when there was no room.
     */
    boolean offer(P position, Document document) {
        synchronized (this) {
            if (places.get(position) != KeptPlaces.NONE) {
                return true;
            }
        }
        return budget().limit > 0 && keep(position, encode(document), false);
    }

    /** The document kept for the position, or null. */
    synchronized RawBsonDocument cached(P position) {
        long place = places.get(position);
        if (place == KeptPlaces.NONE) {
            return null;
        }
        Slab slab = slabs.get(slabOf(place));
        int offset = offsetOf(place);
        return new RawBsonDocument(slab.bytes, offset, lengthAt(slab.bytes, offset));
    }

    private synchronized boolean keep(P position, byte[] bytes, boolean giveUp) {
        if (places.get(position) != KeptPlaces.NONE) {
            return true; // another reader kept it first
        }
        Slab slab = room(bytes.length, giveUp);
        if (slab == null) {
            return false;
        }
        System.arraycopy(bytes, 0, slab.bytes, slab.fill, bytes.length);
        places.put(position, ((long) slab.id << 32) | slab.fill);
        slab.fill += bytes.length;
        slab.live += bytes.length;
        return true;
    }

    /** The slab to append {@code length} bytes to: the current one, or a new one when the budget allows; or null. */
    private Slab room(int length, boolean giveUp) {
        if (current != null && current.bytes.length - current.fill >= length) {
            return current;
        }
        Budget budget = budget();
        int max = budget.maxSlab();
        if (length > max) {
            return null;
        }
        if (giveUp) {
            while (forgottenBytes() * 2 > held && giveUpOne(s -> s.live - s.fill)) {
                // a collection that mostly holds forgotten bytes makes room before it takes more
            }
        }
        int size = (int) Math.max(length, Math.min(max, Math.max(FIRST_SLAB_BYTES, held)));
        while (!budget.reserve(size)) {
            if (!giveUp || !giveUpOne(s -> s.live)) {
                return null;
            }
        }
        int id = slabs.indexOf(null);
        current = new Slab(id < 0 ? slabs.size() : id, size);
        if (id < 0) {
            slabs.add(current);
        } else {
            slabs.set(id, current);
        }
        held += size;
        return current;
    }

    /** Gives up the slab scored lowest and its entries; false when this collection holds none. */
    private boolean giveUpOne(ToLongFunction<Slab> score) {
        Slab lowest = null;
        for (Slab s : slabs) {
            if (s != null && (lowest == null || score.applyAsLong(s) < score.applyAsLong(lowest))) {
                lowest = s;
            }
        }
        if (lowest == null) {
            return false;
        }
        if (lowest.live > 0) {
            int id = lowest.id;
            places.removePlaces(place -> slabOf(place) == id);
        }
        drop(lowest);
        return true;
    }

    private long forgottenBytes() {
        long forgotten = 0;
        for (Slab s : slabs) {
            if (s != null) {
                forgotten += s.fill - s.live;
            }
        }
        return forgotten;
    }

    private void drop(Slab slab) {
        slabs.set(slab.id, null);
        if (slab == current) {
            current = null;
        }
        held -= slab.bytes.length;
        budget().release(slab.bytes.length);
    }

    /** Forgets the position (a write is about to change what is stored there). */
    synchronized void forget(P position) {
        long place = places.remove(position);
        if (place == KeptPlaces.NONE) {
            return;
        }
        Slab slab = slabs.get(slabOf(place));
        slab.live -= lengthAt(slab.bytes, offsetOf(place));
        if (slab.live == 0) {
            drop(slab);
        }
    }

    /** Forgets every position (the collection is dropped or renamed). */
    synchronized void clear() {
        places.clear();
        for (Slab s : slabs) {
            if (s != null) {
                drop(s); // sets its own entry to null: no structural change
            }
        }
        slabs.clear();
    }

    /** Bytes held by this collection's slabs. */
    synchronized long used() {
        return held;
    }

    /** Entries held. */
    synchronized int size() {
        return places.size();
    }

    private static int slabOf(long place) {
        return (int) (place >>> 32);
    }

    private static int offsetOf(long place) {
        return (int) place;
    }

    /** The length a BSON document gives itself in its first four bytes (little-endian). */
    private static int lengthAt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
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

    /** A document handed out as the store decodes it from its stored BSON. */
    static Document decode(RawBsonDocument document) {
        java.nio.ByteBuffer bytes = document.getByteBuffer().asNIO();
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }
}
