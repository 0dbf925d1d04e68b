package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.readmodel.spi.RunningStore;
import dev.odoobridge.readmodel.spi.StoreReads;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's in-process reads return, byte for byte, the documents a {@code find} with the same filter,
 * sort and limit returns over the wire, on the file store and in memory; readers find them by the store's
 * connection string only while it runs in this process.
 */
class InProcessReadsTest {
    @TempDir
    Path dir;

    @Test
    void theFileStoreAnswersAsItsFindCommand() throws InterruptedException {
        try (RunningStore store = EmbeddedMongoServer.inDirectory(dir)) {
            compare(store);
        }
    }

    @Test
    void theMemoryStoreAnswersAsItsFindCommand() throws InterruptedException {
        try (RunningStore store = EmbeddedMongoServer.inMemory()) {
            compare(store);
        }
    }

    @Test
    void readersFindOnlyARunningStoreOfThisProcess() {
        String connection;
        try (RunningStore store = EmbeddedMongoServer.inMemory()) {
            connection = store.connectionString();
            assertThat(StoreReads.inProcess(connection)).isPresent();
            assertThat(StoreReads.inProcess(connection + "/odoo_bridge?serverSelectionTimeoutMS=100")).isPresent();
            assertThat(StoreReads.inProcess(connection + ",127.0.0.1:1")).isEmpty();
            assertThat(StoreReads.inProcess("mongodb://127.0.0.1:1")).isEmpty();
            assertThat(StoreReads.inProcess("not a connection string")).isEmpty();
        }
        assertThat(StoreReads.inProcess(connection)).isEmpty();
    }

    private static void compare(RunningStore store) throws InterruptedException {
        StoreReads reads = StoreReads.inProcess(store.connectionString()).orElseThrow();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase db = client.getDatabase("odoo_bridge");
            var products = db.getCollection("product_product");
            products.createIndex(Indexes.ascending("_source", "_odoo_id"));
            products.createIndex(Indexes.ascending("_source", "_seq"));
            products.createIndex(Indexes.ascending("_source", "barcode"));
            List<Document> docs = new ArrayList<>();
            for (long id = 1; id <= 300; id++) {
                docs.add(new Document("_id", (id % 2 == 0 ? "shop:" : "other:") + id).append("_source", id % 2 == 0 ? "shop" : "other")
                        .append("_odoo_id", id).append("id", id).append("name", "Product " + (id * 7919 % 300))
                        .append("barcode", id % 5 == 0 ? null : "40" + id).append("list_price", id % 3 == 0 ? (Object) (int) id : id + 0.5)
                        .append("categ_id", new Document("id", id % 4).append("name", "C" + id % 4))
                        .append("amount", new Decimal128(id))
                        .append("_write_date", Date.from(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(id % 17)))
                        .append("vendor_ids", List.of(100 + id % 3, 200L)).append("_seq", id));
            }
            products.insertMany(docs);
            assertThat(compareAll(products, reads)).isGreaterThan(5_000);
            compareLots(db, reads, (EmbeddedMongoServer) store);
            EmbeddedMongoServer server = (EmbeddedMongoServer) store;
            assertThat(server.encodedDocuments("odoo_bridge", "product_product"))
                    .as("the pages by _odoo_id and _seq were read from the kept bytes").isGreaterThan(100);
            if (server.isFileStore()) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (server.encodedDocuments("odoo_bridge", "product_product") < 300 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(server.encodedDocuments("odoo_bridge", "product_product")).as("warmed up").isEqualTo(300);
                assertThat(compareAll(products, reads)).isGreaterThan(5_000);
            }
            // writes between reads: what the reads kept encoded must never outlive what is stored
            for (long id = 2; id <= 300; id += 6) {
                products.updateOne(Filters.eq("_id", "shop:" + id), new Document("$set", new Document("name", "Renamed " + id)
                        .append("_seq", 1_000 + id)));
            }
            products.updateOne(Filters.eq("_id", "shop:42"), new Document("$set", new Document("_odoo_id", 1_042L)));
            products.updateOne(Filters.eq("_id", "shop:44"), new Document("$set", new Document("_source", "other")));
            products.deleteMany(Filters.in("_id", List.of("shop:10", "shop:12", "shop:14")));
            products.insertOne(new Document("_id", "shop:12").append("_source", "shop").append("_odoo_id", 12L).append("id", 12L)
                    .append("name", "Back again").append("_seq", 2_000L));
            products.replaceOne(Filters.eq("_id", "shop:16"), new Document("_source", "shop").append("_odoo_id", 16L)
                    .append("name", "Replaced").append("_seq", 2_001L));
            products.insertOne(new Document("_id", "shop:dup").append("_source", "shop").append("_odoo_id", 5_000L)
                    .append("barcode", "4042").append("name", "Same barcode").append("_seq", 2_002L));
            assertThat(compareAll(products, reads)).isGreaterThan(5_000);
            products.deleteOne(Filters.eq("_id", "shop:dup"));
            products.insertOne(new Document("_id", "shop:arr").append("_source", "shop").append("_odoo_id", 5_001L)
                    .append("barcode", List.of("4044", "x")).append("name", "Barcodes").append("_seq", 2_003L));
            assertThat(compareAll(products, reads)).isGreaterThan(5_000);
            products.deleteOne(Filters.eq("_id", "shop:arr"));
            assertThat(compareAll(products, reads)).isGreaterThan(5_000);
            // a document the index keeps aside (an _odoo_id of another type) sends every query the long way
            products.insertOne(new Document("_id", "shop:odd").append("_source", "shop").append("_odoo_id", 121.5)
                    .append("name", "Odd").append("_seq", 3_000L));
            assertThat(compareAll(products, reads)).isGreaterThan(5_000);
            products.deleteOne(Filters.eq("_id", "shop:odd"));
            products.updateMany(Filters.eq("_source", "shop"), new Document("$inc", new Document("_seq", 10_000L)));
            assertThat(compareAll(products, reads)).isGreaterThan(5_000);
            assertThat(reads.find("odoo_bridge", "no_such_collection", new BsonDocument(), new BsonDocument(), 0)).isEmpty();
            assertThatThrownBy(() -> reads.find("odoo_bridge", "product_product", bson(new Document("$bogus", 1)),
                    new BsonDocument(), 0)).isInstanceOf(ReadModelException.class);
            products.drop();
            assertThat(reads.find("odoo_bridge", "product_product", bson(Filters.eq("_source", "shop")),
                    bson(Sorts.ascending("_odoo_id")), 0)).isEmpty();
        }
    }

    /** Every filter × sort × limit read in process and over the wire, compared byte for byte; documents compared. */
    private static int compareAll(com.mongodb.client.MongoCollection<Document> products, StoreReads reads) {
        List<Bson> filters = List.of(new Document(), Filters.eq("_source", "shop"),
                Filters.and(Filters.eq("_source", "shop"), Filters.gt("_odoo_id", 120L)),
                Filters.and(Filters.eq("_source", "shop"), Filters.lt("_odoo_id", 120L)),
                Filters.and(Filters.eq("_source", "shop"), Filters.eq("_odoo_id", 42L)),
                Filters.and(Filters.eq("_source", "shop"), Filters.eq("barcode", "4042")),
                Filters.and(Filters.eq("_source", "shop"), Filters.eq("barcode", null)),
                Filters.and(Filters.eq("_source", "shop"), Filters.eq("categ_id.id", 2L)),
                Filters.and(Filters.eq("_source", "shop"), Filters.in("_odoo_id", List.of(4L, 8L, 300L, 301L))),
                Filters.and(Filters.eq("_source", "shop"), Filters.eq("vendor_ids", 101L)),
                Filters.and(Filters.eq("_source", "shop"), Filters.gte("_write_date", Date.from(Instant.parse("2026-12-01T00:00:09Z")))),
                Filters.and(Filters.eq("_source", "shop"), Filters.or(Filters.gt("name", "Product 150"),
                        Filters.and(Filters.eq("name", "Product 150"), Filters.gt("_odoo_id", 10L)))),
                Filters.and(Filters.eq("_source", "shop"), Filters.not(Filters.gt("list_price", 100))),
                Filters.and(Filters.eq("_source", "shop"), Filters.gte("_odoo_id", 40L), Filters.lte("_odoo_id", 140)),
                Filters.and(Filters.eq("_source", "shop"), Filters.gt("_odoo_id", 40.5)),
                Filters.and(Filters.eq("_source", "shop"), Filters.eq("_odoo_id", 12L)),
                Filters.and(Filters.eq("_source", "shop"), Filters.eq("_odoo_id", 1_042L)),
                Filters.and(Filters.eq("_source", "shop"), Filters.and(Filters.gt("_odoo_id", 100L), Filters.lt("_odoo_id", 200L))),
                Filters.and(Filters.eq("_source", "shop"), Filters.gt("_odoo_id", 100L), Filters.eq("name", "Product 1")),
                Filters.and(Filters.eq("_source", "shop"), Filters.gt("_seq", 1_100L)),
                Filters.and(Filters.in("_source", List.of("shop")), Filters.gt("_odoo_id", 100L)),
                Filters.eq("_id", "shop:12"), Filters.eq("_id", "shop:42"), Filters.eq("_id", "shop:odd"), Filters.eq("_id", "nope"),
                Filters.eq("_id", 12L), Filters.and(Filters.eq("_id", "shop:12"), Filters.eq("name", "Back again")),
                Filters.and(Filters.eq("_source", "shop"), Filters.eq("barcode", "4044")),
                Filters.and(Filters.eq("_source", "other"), Filters.eq("barcode", "4043")),
                Filters.and(Filters.eq("_source", "shop"), Filters.eq("barcode", "nope")),
                Filters.and(Filters.eq("_source", "shop"), Filters.eq("barcode", "4042"), Filters.eq("barcode", "4044")));
        List<Bson> sorts = List.of(Sorts.ascending("_odoo_id"), Sorts.descending("_odoo_id"),
                Sorts.ascending("name", "_odoo_id"), Sorts.descending("_write_date", "_odoo_id"), Sorts.ascending("_seq"));
        int compared = 0;
        for (Bson filter : filters) {
            for (Bson sort : sorts) {
                for (int limit : new int[] {0, 1, 7, 101}) {
                    List<RawBsonDocument> wire = products.withDocumentClass(RawBsonDocument.class).find(filter).sort(sort)
                            .limit(limit).into(new ArrayList<>());
                    List<RawBsonDocument> direct = reads.find("odoo_bridge", "product_product", bson(filter), bson(sort), limit);
                    assertThat(bytes(direct)).as("%s %s %d", filter, sort, limit).isEqualTo(bytes(wire));
                    compared += wire.size();
                }
            }
            List<RawBsonDocument> unsorted = products.withDocumentClass(RawBsonDocument.class).find(filter).into(new ArrayList<>());
            assertThat(bytes(reads.find("odoo_bridge", "product_product", bson(filter), new BsonDocument(), 0))).isEqualTo(bytes(unsorted));
        }
        for (String id : List.of("shop:12", "shop:42", "shop:16", "shop:odd", "shop:10", "nope", "other:13")) {
            List<RawBsonDocument> wire = products.withDocumentClass(RawBsonDocument.class).find(Filters.eq("_id", id))
                    .into(new ArrayList<>());
            assertThat(bytes(reads.findById("odoo_bridge", "product_product", id).stream().toList())).as(id)
                    .isEqualTo(bytes(wire));
        }
        assertThat(reads.findById("odoo_bridge", "no_such_collection", "shop:12")).isEmpty();
        return compared;
    }

    /**
     * A product's lots as the stock view reads them: one value of the index's last field, sorted by other fields (dates
     * and nulls, missing fields, numbers of three types, ties): read from the kept encodings, in the command's order.
     */
    private static void compareLots(MongoDatabase db, StoreReads reads, EmbeddedMongoServer server) {
        var lots = db.getCollection("lot_stock");
        lots.createIndex(Indexes.ascending("_source", "product_id"));
        List<Document> docs = new ArrayList<>();
        Instant base = Instant.parse("2026-12-01T00:00:00Z");
        for (long lot = 1; lot <= 400; lot++) {
            long product = lot % 37;
            Document d = new Document("_id", "shop:" + lot).append("_source", lot % 11 == 0 ? "other" : "shop")
                    .append("lot_id", lot % 3 == 0 ? (Object) (int) lot : lot).append("name", "L" + (lot * 31 % 7))
                    .append("product_id", product);
            switch ((int) (lot % 5)) {
                case 0 -> d.append("expiration_date", null);
                case 1 -> {
                    // no expiration_date at all
                }
                default -> d.append("expiration_date", Date.from(base.plusSeconds(86_400 * (lot % 4))));
            }
            d.append("quantity", lot % 4 == 0 ? (Object) (lot % 6 + 0.5) : lot % 4 == 1 ? (Object) (int) (lot % 6)
                    : lot % 6);
            docs.add(d);
        }
        lots.insertMany(docs);
        List<Bson> sorts = List.of(Sorts.ascending("expiration_date", "lot_id"), Sorts.descending("expiration_date"),
                Sorts.ascending("name"), Sorts.orderBy(Sorts.descending("quantity"), Sorts.ascending("lot_id")),
                Sorts.ascending("missing_field"));
        long before = server.encodedDocuments("odoo_bridge", "lot_stock");
        for (long product = 0; product <= 37; product++) {
            Bson filter = Filters.and(Filters.eq("_source", "shop"), Filters.eq("product_id", product));
            for (Bson sort : sorts) {
                for (int limit : new int[] {0, 1, 3}) {
                    List<RawBsonDocument> wire = lots.withDocumentClass(RawBsonDocument.class).find(filter).sort(sort)
                            .limit(limit).into(new ArrayList<>());
                    assertThat(bytes(reads.find("odoo_bridge", "lot_stock", bson(filter), bson(sort), limit)))
                            .as("%s %s %d", filter, sort, limit).isEqualTo(bytes(wire));
                }
            }
        }
        assertThat(server.encodedDocuments("odoo_bridge", "lot_stock") - before)
                .as("the lots were read from the kept encodings").isGreaterThan(300);
    }

    /** The documents' BSON, base64-encoded (compared byte for byte). */
    private static List<String> bytes(List<RawBsonDocument> docs) {
        List<String> out = new ArrayList<>();
        for (RawBsonDocument d : docs) {
            java.nio.ByteBuffer b = d.getByteBuffer().asNIO();
            byte[] a = new byte[b.remaining()];
            b.get(a);
            out.add(java.util.Base64.getEncoder().encodeToString(a));
        }
        return out;
    }

    private static BsonDocument bson(Bson b) {
        return b.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    }
}
