package dev.odoobridge.sync.webhook;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.sync.webhook.internal.OdooRecordFetcher;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads current records from the Odoo database behind a source. Implementations are thread-safe. */
public interface RecordFetcher {

    /**
     * Reads the records with these ids in one call, archived ones included. Ids Odoo no longer
     * has are simply absent from the result.
     *
     * @throws IllegalArgumentException when the source is unknown
     * @throws RuntimeException any Odoo or transport failure (the caller retries later)
     */
    List<OdooRecord> read(String source, String model, Collection<Long> ids, List<String> fields);

    /** A fetcher over one client per source name. */
    static RecordFetcher odoo(Map<String, OdooClient> clientsBySource) {
        return new OdooRecordFetcher(clientsBySource);
    }
}
