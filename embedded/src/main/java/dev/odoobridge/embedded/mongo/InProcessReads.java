package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.readmodel.spi.StoreReads;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * The embedded store's {@link StoreReads}: the filter and sort go from the driver's BSON to the server's documents
 * as the wire would carry them (encoded by the driver's codec, decoded by the server's decoder), the collection's own
 * query runs ({@link InProcessQueries#findEncoded}: the same call the {@code find} command makes, with no projection
 * and no cursor), and each matching document comes encoded to BSON as the server's encoder writes it into a reply
 * (kept encoded by the collection where an index answers the query exactly). So the documents are those a
 * {@code find} command returns, without the socket and the driver's decoding.
 */
final class InProcessReads implements StoreReads {
    private static final BsonDocumentCodec FILTER_CODEC = new BsonDocumentCodec();

    private final AbstractMongoBackend backend;
    private final Function<Supplier<List<RawBsonDocument>>, List<RawBsonDocument>> guard;

    /**
     * @param backend the server's backend
     * @param guard runs a read as the backend runs a command (the file store under its commit lock)
     */
    InProcessReads(AbstractMongoBackend backend, Function<Supplier<List<RawBsonDocument>>, List<RawBsonDocument>> guard) {
        this.backend = backend;
        this.guard = guard;
    }

    @Override
    public List<RawBsonDocument> find(String database, String collection, BsonDocument filter, BsonDocument sort,
                                      int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
        return run(database, collection, toServer(filter), sort == null || sort.isEmpty() ? null : toServer(sort), limit);
    }

    /** The query as the server's document at once: {@code {_id: id}} decodes to just that. */
    @Override
    public Optional<RawBsonDocument> findById(String database, String collection, String id) {
        List<RawBsonDocument> found = run(database, collection, new Document("_id", id), null, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<RawBsonDocument> run(String database, String collection, Document query, Document orderBy, int limit) {
        try {
            return guard.apply(() -> {
                MongoDatabase db = backend.resolveDatabase(database);
                MongoCollection<?> coll = db.resolveCollection(collection, false);
                if (coll == null) {
                    return List.of();
                }
                if (!(coll instanceof InProcessQueries queries)) {
                    throw new IllegalStateException("not a collection of the embedded store: " + coll.getClass().getName());
                }
                return queries.findEncoded(query, orderBy, limit);
            });
        } catch (ReadModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ReadModelException("the embedded store refused a find on " + database + "." + collection + ": " + e, e);
        }
    }

    /**
     * The driver's document as the server decodes it from the wire (a filter or a sort: a buffer of 128 bytes grows
     * for a larger one; the decoder reads the buffer where it was written).
     */
    static Document toServer(BsonDocument document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(128);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            FILTER_CODEC.encode(writer, document, EncoderContext.builder().build());
        }
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.getInternalBuffer(), 0, buffer.getPosition()));
    }
}
