package dev.odoobridge.readmodel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both embedded stores, in memory and on file, answer which ids a collection holds with the same command. */
class ExistingIdsCommandTest {
    @TempDir
    Path dir;

    @Test
    void theInMemoryAndTheFileStoreAnswerTheExistingIds() {
        try (EmbeddedServer memory = EmbeddedServer.inMemory(); EmbeddedServer file = EmbeddedServer.inDirectory(dir)) {
            for (EmbeddedServer server : List.of(memory, file)) {
                try (MongoClient client = MongoClients.create(server.connectionString())) {
                    MongoDatabase db = client.getDatabase("odoo_bridge");
                    db.getCollection("stock_quant").insertMany(List.of(new Document("_id", "shop:1"),
                            new Document("_id", "shop:3"), new Document("_id", "annex:1")));
                    Document reply = db.runCommand(new Document(DurableH2Backend.EXISTING_IDS_COMMAND, "stock_quant")
                            .append("ids", List.of("shop:1", "shop:2", "shop:3", "annex:2")));
                    assertThat(reply.getList("existing", String.class)).containsExactlyInAnyOrder("shop:1", "shop:3");
                    Document none = db.runCommand(new Document(DurableH2Backend.EXISTING_IDS_COMMAND, "no_such")
                            .append("ids", List.of("shop:1")));
                    assertThat(none.getList("existing", String.class)).isEmpty();
                }
            }
        }
    }
}
