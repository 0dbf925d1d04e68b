package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.spi.RunningStore;
import dev.odoobridge.readmodel.spi.StoreFastPaths;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedFileStoreIT {
    @TempDir
    Path dir;

    @Test
    void documentsAndViewsSurviveARestart() {
        ReadModelConfig config = ReadModelConfig.builder().dataDirectory(dir).build();
        try (ReadModel model = ReadModels.open(config)) {
            assertThat(model.describe()).contains("embedded").contains(dir.toString());
            assertThat(model.connectionString()).startsWith("mongodb://127.0.0.1:")
                    .as("what the feed and the read API open their own clients with")
                    .isEqualTo(model.describe().substring(0, model.describe().indexOf('/', "mongodb://".length())));
            model.projector().apply("shop", "product.product", List.of(OdooRows.product(1, "Apple")), Instant.now());
        }
        try (ReadModel model = ReadModels.open(config)) {
            assertThat(model.projector().find("shop", "product.product", 1)).get()
                    .satisfies(d -> assertThat(d).containsEntry("name", "Apple"));
            assertThat(model.stock().product("shop", 1)).isPresent();
        }
    }

    @Test
    void servedStoreIsUsedByConnectionStringAndKeepsWhatWasWritten() {
        try (EmbeddedStore store = ReadModels.serve(dir)) {
            assertThat(store.connectionString()).startsWith("mongodb://");
            ReadModelConfig remote = ReadModelConfig.builder().connectionString(store.connectionString())
                    .guardStrategy(GuardStrategy.READ_THEN_WRITE).build();
            try (ReadModel model = ReadModels.open(remote)) {
                model.projector().apply("shop", "product.product", List.of(OdooRows.product(7, "Pear")), Instant.now());
            }
            try (EmbeddedStore again = ReadModels.serve(dir)) {
                assertThat(again.connectionString()).as("the file is in use: the running store is reached")
                        .isEqualTo(store.connectionString());
            }
            try (ReadModel model = ReadModels.open(remote)) {
                assertThat(model.projector().find("shop", "product.product", 7)).as("still served").isPresent();
            }
        }
        try (ReadModel model = ReadModels.open(ReadModelConfig.builder().dataDirectory(dir).build())) {
            assertThat(model.projector().find("shop", "product.product", 7)).get()
                    .satisfies(d -> assertThat(d).containsEntry("name", "Pear"));
        }
    }

    @Test
    void aStoreWrittenWithTheStockIndexesIsReindexedOnOpening() {
        H2Backend stock = new H2Backend(
                dir.resolve("readmodel.mv").toString());
        MongoServer server = new MongoServer(stock);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(
                "mongodb://" + address.getHostString() + ":" + address.getPort())) {
            var coll = client.getDatabase("odoo_bridge").getCollection("kept");
            for (int i = 1; i <= 300; i++) {
                coll.insertOne(new Document("_id", "shop:" + i).append("n", i));
            }
        } finally {
            server.shutdownNow();
            stock.close();
        }
        try (EmbeddedStore store = ReadModels.serve(dir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            var coll = client.getDatabase("odoo_bridge").getCollection("kept");
            for (int i = 1; i <= 300; i++) {
                assertThat(coll.find(Filters.eq("_id", "shop:" + i)).first()).as("shop:%d", i)
                        .isNotNull().satisfies(d -> assertThat(d.get("n")).isNotNull());
            }
            assertThatThrownBy(() -> coll.insertOne(new Document("_id", "shop:7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            coll.insertOne(new Document("_id", "shop:301"));
            assertThat(coll.countDocuments()).isEqualTo(301);

            StoreFastPaths fast = ((RunningStore) store).fastPaths().orElseThrow();
            assertThat(fast.existingIds("odoo_bridge", "kept", List.of("shop:1", "shop:302", "shop:301", "other:1")))
                    .containsExactly("shop:1", "shop:301");
            assertThat(fast.existingIds("odoo_bridge", "absent", List.of("shop:1"))).isEmpty();
        }
    }

    @Test
    void aSecondWriterAboveTheMarkIsStillGuarded() {
        try (EmbeddedStore store = ReadModels.serve(dir)) {
            ReadModelConfig remote = ReadModelConfig.builder().connectionString(store.connectionString())
                    .guardStrategy(GuardStrategy.READ_THEN_WRITE).build();
            try (ReadModel first = ReadModels.open(remote); ReadModel second = ReadModels.open(remote)) {
                first.projector().apply("shop", "product.product", List.of(OdooRows.product(1, "A")), Instant.now());
                second.projector().apply("shop", "product.product", List.of(named(5, "2026-11-21 20:00:00", "new")),
                        Instant.now());
                // the first writer's mark is still 1: it must not take id 5 for absent and overwrite the newer version
                ApplyResult stale = first.projector().apply("shop", "product.product",
                        List.of(named(5, "2026-11-21 19:00:00", "old")), Instant.now());
                assertThat(stale.written()).isZero();
                assertThat(first.projector().find("shop", "product.product", 5)).get()
                        .satisfies(d -> assertThat(d).containsEntry("name", "new"));
                ApplyResult newer = first.projector().apply("shop", "product.product",
                        List.of(named(5, "2026-11-21 21:00:00", "newest")), Instant.now());
                assertThat(newer.written()).isEqualTo(1);
                assertThat(second.projector().find("shop", "product.product", 5)).get()
                        .satisfies(d -> assertThat(d).containsEntry("name", "newest"));
            }
        }
    }

    private static OdooRecord named(long id, String writeDate, String name) {
        return OdooRows.row(id, writeDate).with("name", name).with("display_name", name).with("default_code", "C" + id)
                .with("barcode", OdooRows.FALSE).m2o("product_tmpl_id", id, name).with("active", true).build();
    }

    @Test
    void droppingCollectionsAndDatabasesCompletesAndLasts() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (EmbeddedStore store = ReadModels.serve(dir); MongoClient client = MongoClients.create(store.connectionString())) {
                client.getDatabase("scratch").getCollection("a").insertOne(new Document("_id", "x"));
                client.getDatabase("kept").getCollection("b").insertOne(new Document("_id", "y"));
                client.getDatabase("kept").getCollection("c").insertOne(new Document("_id", "z"));
                client.getDatabase("scratch").drop();
                client.getDatabase("kept").getCollection("c").drop();
            }
            try (EmbeddedStore store = ReadModels.serve(dir); MongoClient client = MongoClients.create(store.connectionString())) {
                assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("scratch");
                assertThat(client.getDatabase("kept").listCollectionNames().into(new ArrayList<>()))
                        .contains("b").doesNotContain("c");
                assertThat(client.getDatabase("kept").getCollection("b").find(Filters.eq("_id", "y")).first()).isNotNull();
            }
        });
    }
}
