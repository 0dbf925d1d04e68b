package dev.odoobridge.benchmarks;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import java.util.ArrayList;
import java.util.List;

/** The baseline: the client alone (no sync engine, no projector) reading every page of the model (keyset on id, same fields and page size), storing nothing. */
final class ClientPageReader {
    private ClientPageReader() {
    }

    /** Reads everything; returns {records, calls}. */
    static long[] readAll(OdooClient client, int pageSize) {
        ModelHandle partners = client.model(PartnerCatalog.MODEL);
        List<String> fields = new ArrayList<>(PartnerCatalog.FIELDS);
        fields.add("write_date");
        long last = 0;
        long records = 0;
        long calls = 0;
        while (true) {
            List<OdooRecord> page = partners.searchRead(Domains.gt("id", last), fields,
                    SearchOptions.DEFAULT.order("id asc").limit(pageSize).includeArchived());
            calls++;
            records += page.size();
            if (page.size() < pageSize) {
                return new long[] {records, calls};
            }
            last = page.get(page.size() - 1).id();
        }
    }
}
