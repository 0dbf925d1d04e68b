package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.bson.RawBsonDocument;

/** A collection of the embedded store that runs a query for a reader in this process ({@link InProcessReads}). */
interface InProcessQueries {
    /**
     * The documents matching the query in the order asked for, at most {@code limit} (0: all), as the {@code find}
     * command's query call returns them with no projection and no batch limit, each encoded as BSON as the server
     * writes it into a reply; never beside a write to the collection. Queries an index answers exactly are read
     * through the collection's {@link EncodedDocuments} ({@link SequencedCollections#findExact}). The documents may share
     * their arrays with others: the caller only reads them.
     */
    List<RawBsonDocument> findEncoded(Document query, Document orderBy, int limit);

    /** How many documents the collection keeps encoded now. */
    int encodedDocuments();
}
