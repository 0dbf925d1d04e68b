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

    /**
     * Reads the records whose many2one {@code linkField} points at one of {@code parentIds}, in
     * one call, archived ones included; used to refresh dependents (e.g. the variants of a
     * template). The default cannot search and throws; {@link #odoo(Map)} implements it.
     *
     * @throws IllegalArgumentException when the source is unknown
     * @throws UnsupportedOperationException when this fetcher cannot search by field
     * @throws RuntimeException any Odoo or transport failure (the caller retries later)
     */
    default List<OdooRecord> readByLink(String source, String model, String linkField, Collection<Long> parentIds,
                                        List<String> fields) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot read " + model + " by " + linkField
                + "; implement RecordFetcher.readByLink or configure the processor with no dependents");
    }

    /** A fetcher over one client per source name. */
    static RecordFetcher odoo(Map<String, OdooClient> clientsBySource) {
        return new OdooRecordFetcher(clientsBySource);
    }
}
