package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/** A collection of the embedded store that runs a query for a reader in this process ({@link InProcessReads}). */
interface InProcessQueries {
    /**
     * The stored documents matching the query in the order asked for, at most {@code limit} (0: all), as the
     * {@code find} command's query call returns them with no projection and no batch limit, under the collection's
     * lock as that call runs. The documents are the store's own: the caller only reads them.
     */
    List<Document> find(Document query, Document orderBy, int limit);
}
