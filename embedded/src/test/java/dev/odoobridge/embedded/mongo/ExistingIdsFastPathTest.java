package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.odoobridge.readmodel.spi.RunningStore;
import dev.odoobridge.readmodel.spi.StoreFastPaths;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store answers which ids a collection holds from its index; the in-memory store offers no fast path. */
class ExistingIdsFastPathTest {
    @TempDir
    Path dir;

    @Test
    void theFileStoreAnswersTheExistingIdsFromItsIndex() {
        EmbeddedMongoProvider provider = new EmbeddedMongoProvider();
        try (RunningStore memory = provider.inMemory(); RunningStore file = provider.inDirectory(dir)) {
            assertThat(memory.fastPaths()).isEmpty();
            StoreFastPaths fast = file.fastPaths().orElseThrow();
            try (MongoClient client = MongoClients.create(file.connectionString())) {
                MongoDatabase db = client.getDatabase("odoo_bridge");
                db.getCollection("stock_quant").insertMany(List.of(new Document("_id", "shop:1"),
                        new Document("_id", "shop:3"), new Document("_id", "annex:1")));
                assertThat(fast.existingIds("odoo_bridge", "stock_quant", List.of("shop:1", "shop:2", "shop:3", "annex:2")))
                        .containsExactly("shop:1", "shop:3");
                assertThat(fast.existingIds("odoo_bridge", "no_such", List.of("shop:1"))).isEmpty();
                assertThat(fast.existingIds("other_db", "stock_quant", List.of("shop:1"))).isEmpty();
            }
        }
    }
}
