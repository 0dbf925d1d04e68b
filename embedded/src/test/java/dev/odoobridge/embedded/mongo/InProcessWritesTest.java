package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents inserted or replaced in process are stored byte for byte as the driver's commands over the socket
 * store them: the same documents written both ways into two collections of one file store read back as the same
 * BSON (what the file holds), in the same order.
 */
class InProcessWritesTest {
    private static final String DB = "odoo_bridge";

    @TempDir
    Path dir;

    @Test
    void insertsAndReplacementsStoreWhatTheCommandsStore() {
        DurableH2Backend backend = DurableH2Backend.open(dir.resolve("readmodel.mv").toString());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> byCommand = client.getDatabase(DB).getCollection("by_command");
            byCommand.insertMany(documents("v1"));
            assertThat(backend.insert(DB, "in_process", documents("v1"))).isEmpty();
            assertThat(stored(backend, "in_process")).isEqualTo(stored(backend, "by_command")).hasSize(documents("v1").size());

            List<ReplaceOneModel<Document>> replaceOps = new ArrayList<>();
            List<Document> replacements = new ArrayList<>(documents("v2"));
            replacements.add(new Document("_id", "never-stored").append("x", 1));
            replacements.forEach(d -> replaceOps.add(new ReplaceOneModel<>(Filters.eq("_id", d.get("_id")), d)));
            long matchedByCommand = byCommand.bulkWrite(replaceOps).getMatchedCount();
            assertThat(backend.replace(DB, "in_process", replacements)).isEqualTo(matchedByCommand)
                    .isEqualTo(documents("v2").size());
            assertThat(stored(backend, "in_process")).isEqualTo(stored(backend, "by_command"));
            assertThat(stored(backend, "in_process").toString()).contains(hex("Product v2"))
                    .doesNotContain(hex("Product v1")).doesNotContain(hex("never-stored"));

            // a key already stored is refused, the others are inserted, as by an unordered insert
            List<Document> again = List.of(new Document("_id", "new-1").append("n", 1), new Document("_id", "plain"),
                    new Document("_id", "new-2").append("n", 2));
            assertThatThrownBy(() -> byCommand.insertMany(again, new InsertManyOptions().ordered(false)))
                    .isInstanceOf(MongoBulkWriteException.class);
            assertThat(backend.insert(DB, "in_process", again)).containsExactly("plain");
            assertThat(stored(backend, "in_process")).isEqualTo(stored(backend, "by_command"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    @Test
    void valuesOutsideTheDirectConversionGoThroughBson() {
        Document odd = new Document("_id", "odd").append("price", new BigDecimal("12.50")).append("oid",
                new ObjectId("5f1d7a0e2b3c4d5e6f708192")).append("f", 1.5f);
        assertThat(encoded(InProcessDocuments.toStored(odd))).isEqualTo(encoded(InProcessDocuments.throughBson(odd)));
        for (Document d : documents("v1")) {
            assertThat(encoded(InProcessDocuments.toStored(d))).as(d.toJson()).isEqualTo(encoded(InProcessDocuments.throughBson(d)));
        }
    }

    /** Every kind of value the projector writes, and some it does not. */
    private static List<Document> documents(String version) {
        Document nested = new Document("id", 7L).append("name", "WH/Stock " + version);
        return List.of(
                new Document("_id", "shop:1").append("_source", "shop").append("_odoo_id", 1L).append("name", "Product " + version)
                        .append("qty", 2.5).append("count", 3).append("active", true).append("barcode", null)
                        .append("_write_date", new Date(1_764_000_000_123L)).append("location_id", nested)
                        .append("tag_ids", List.of(1L, 2L, 3L)).append("empty", List.of())
                        .append("warehouses", List.of(new Document("warehouse_id", null).append("on_hand", -0.0),
                                new Document("warehouse_id", 1L).append("on_hand", Double.NaN))),
                new Document("name", "id written last " + version).append("_id", "shop:2").append("deep",
                        new Document("a", List.of(List.of("x", 1), new Document("b", Map.of("c", false))))),
                new Document("_id", "shop:3").append("text", "Ünïcödé ✓ 日本 😀 " + version).append("lone", "a\uD800b"),
                // a change sequence and a tombstone as the projector writes them
                new Document("_id", "shop:4").append("_source", "shop").append("name", "sequenced " + version)
                        .append("_seq", 9_007_199_254_740_993L),
                new Document("_id", "product_product|shop:5").append("coll", "product_product").append("docId", "shop:5")
                        .append("_source", "shop").append("_seq", 42L).append("deletedAt", new Date(1_764_000_000_000L)),
                new Document("_id", "plain"));
    }

    /** The collection's documents as the file stores them (BSON), in the collection's order, as hex. */
    private static List<String> stored(DurableH2Backend backend, String collection) {
        List<String> out = new ArrayList<>();
        backend.resolveDatabase(DB).resolveCollection(collection, true).queryAll()
                .forEach(d -> out.add(encoded(d)));
        return out;
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String encoded(de.bwaldvogel.mongo.bson.Document d) {
        ByteBuf buf = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(d, buf);
            return HexFormat.of().formatHex(ByteBufUtil.getBytes(buf));
        } finally {
            buf.release();
        }
    }
}
