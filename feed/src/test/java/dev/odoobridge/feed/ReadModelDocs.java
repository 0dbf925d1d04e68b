package dev.odoobridge.feed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * A read model written by hand in the shape the change contract gives it: documents with {@code _seq}, tombstones in
 * {@code _tombstones}, the stock view in {@code product_stock}; the sequence is a counter.
 */
final class ReadModelDocs implements AutoCloseable {
    final MongoServer server = new MongoServer(new MemoryBackend());
    final String uri;
    final MongoClient client;
    final MongoDatabase db;
    final AtomicLong seq = new AtomicLong();
    volatile long safe = -1;
    volatile long oldest;

    ReadModelDocs() {
        InetSocketAddress a = server.bind();
        uri = "mongodb://" + a.getHostString() + ":" + a.getPort();
        client = MongoClients.create(uri);
        db = client.getDatabase("feedtest");
    }

    /** The change sequence: the counter (or a fixed safe value when set). */
    ChangeSequence sequence() {
        return ChangeSequence.of(() -> safe >= 0 ? safe : seq.get(), () -> oldest);
    }

    FeedConfig.Builder config() {
        return FeedConfig.builder().readModel(uri, "feedtest").sequence(sequence());
    }

    /** Upserts a document of the model's collection with the next sequence; returns the sequence. */
    long put(String collection, String source, long odooId, Map<String, Object> fields) {
        long s = seq.incrementAndGet();
        String key = source + ":" + odooId;
        Document d = new Document("_id", key).append("_source", source).append("_odoo_id", odooId).append("_seq", s)
                .append("_write_date", new Date(1_700_000_000_000L + s * 1000));
        d.putAll(fields);
        db.getCollection(collection).replaceOne(Filters.eq("_id", key), d, new ReplaceOptions().upsert(true));
        db.getCollection("_tombstones").deleteOne(Filters.eq("_id", collection + "|" + key));
        return s;
    }

    long product(String source, long id, String name, double price) {
        return put("product_product", source, id, Map.of("name", name, "barcode", "B" + id, "list_price", price,
                "active", true, "default_code", "P" + id));
    }

    long stock(String source, long productId, double onHand, List<Long> vendors) {
        return put("product_stock", source, productId, Map.of("product_id", productId, "on_hand", onHand,
                "warehouses", List.of(new Document("warehouse_id", 1L).append("on_hand", onHand)), "vendor_ids", vendors));
    }

    /** Deletes the document and leaves a tombstone; returns its sequence. */
    long delete(String collection, String source, long odooId) {
        long s = seq.incrementAndGet();
        String key = source + ":" + odooId;
        db.getCollection(collection).deleteOne(Filters.eq("_id", key));
        db.getCollection("_tombstones").replaceOne(Filters.eq("_id", collection + "|" + key),
                new Document("_id", collection + "|" + key).append("coll", collection).append("docId", key)
                        .append("_source", source).append("_seq", s).append("deletedAt", new Date()),
                new ReplaceOptions().upsert(true));
        return s;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
