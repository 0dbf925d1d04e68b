package dev.odoobridge.sync.webhook.internal;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.sync.webhook.RecordFetcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads by id with one {@code search_read} on {@code id in ids} and {@code active_test: false}:
 * archived records are returned, and ids that no longer exist are simply absent (a plain
 * {@code read} of a deleted id raises MissingError on older Odoo versions).
 */
public final class OdooRecordFetcher implements RecordFetcher {
    private final Map<String, OdooClient> clients;

    /** Over one client per source name. */
    public OdooRecordFetcher(Map<String, OdooClient> clientsBySource) {
        this.clients = Map.copyOf(Objects.requireNonNull(clientsBySource, "clientsBySource == null"));
    }

    /** The client of each source. */
    public Map<String, OdooClient> clients() {
        return clients;
    }

    @Override
    public List<OdooRecord> read(String source, String model, Collection<Long> ids, List<String> fields) {
        return readByLink(source, model, "id", ids, fields);
    }

    @Override
    public List<OdooRecord> readByLink(String source, String model, String linkField, Collection<Long> parentIds,
                                       List<String> fields) {
        OdooClient client = clients.get(source);
        if (client == null) {
            throw new IllegalArgumentException("No Odoo client for source '" + source + "'; configured sources: "
                    + clients.keySet());
        }
        if (parentIds.isEmpty()) {
            return List.of();
        }
        return client.model(model).searchRead(Domains.in(linkField, new ArrayList<>(parentIds)), fields,
                SearchOptions.DEFAULT.includeArchived());
    }
}
