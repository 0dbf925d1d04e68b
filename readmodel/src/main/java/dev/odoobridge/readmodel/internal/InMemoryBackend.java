package dev.odoobridge.readmodel.internal;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import java.util.ArrayList;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.util.List;

/**
 * mongo-java-server's in-memory backend, whose databases note the secondary indexes they do not build at debug
 * level (see {@link SecondaryIndexes}) instead of warning once per index on every start, and which answers
 * {@link DurableH2Backend#EXISTING_IDS_COMMAND} like the file store (by a {@code find} on {@code _id}), so the
 * projector's probe for that command neither fails nor makes the server log an error on a good run.
 */
final class InMemoryBackend extends MemoryBackend {
    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!DurableH2Backend.EXISTING_IDS_COMMAND.equals(command)) {
            return super.handleCommand(channel, database, command, query);
        }
        Object collection = query.get(command);
        Object ids = query.get("ids");
        if (!(collection instanceof String name) || !(ids instanceof List<?> wanted)) {
            throw new MongoServerError(2, "BadValue", command + " needs a collection name and an ids array");
        }
        Document find = new Document("find", name);
        find.put("filter", new Document("_id", new Document("$in", wanted)));
        find.put("projection", new Document("_id", 1));
        find.put("batchSize", Math.max(1, wanted.size()));
        find.put("singleBatch", true);
        find.put("$db", database);
        Document cursor = (Document) super.handleCommand(channel, database, "find", find).get("cursor");
        List<Object> existing = new ArrayList<>();
        for (Object d : (List<?>) cursor.get("firstBatch")) {
            existing.add(((Document) d).get("_id"));
        }
        Document reply = new Document("existing", existing);
        reply.put("ok", 1.0);
        return reply;
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    private final class Database extends MemoryDatabase {
        Database(String name) {
            super(name, getCursorRegistry());
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
            return SecondaryIndexes.notBuilt(getDatabaseName(), collectionName, indexName, keys);
        }
    }
}
