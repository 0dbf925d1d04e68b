package dev.odoobridge.feed;

import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.sync.schema.ServerSchemas;
import dev.odoobridge.sync.webhook.RecordFetcher;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Re-reads records from Odoo into the read model at once, after the feed wrote them. */
@FunctionalInterface
public interface Resync {

    /**
     * Re-reads the records of the model and applies them; ids Odoo no longer has are deleted from the read model.
     *
     * @throws RuntimeException any Odoo or read-model failure
     */
    void resync(String source, String model, Collection<Long> ids);

    /**
     * The sync's by-id path: reads the fields the sync reads for the model on that source ({@link ServerSchemas}),
     * applies them with the projector (so derived views and the change sequence follow), deletes the missing ones.
     */
    static Resync through(RecordFetcher fetcher, ServerSchemas schemas, Projector projector) {
        Objects.requireNonNull(fetcher, "fetcher == null");
        Objects.requireNonNull(schemas, "schemas == null");
        Objects.requireNonNull(projector, "projector == null");
        return (source, model, ids) -> {
            if (ids.isEmpty()) {
                return;
            }
            dev.odoobridge.sync.schema.ModelSchema schema = schemas.current(source).model(model);
            List<String> fields = schema.readFields();
            projector.fieldTypes(source, model, schema.types());
            Instant fetchedAt = Instant.now();
            List<dev.odoobridge.client.OdooRecord> records = fetcher.read(source, model, ids, fields);
            projector.apply(source, model, records, fetchedAt);
            Set<Long> missing = new HashSet<>(ids);
            records.forEach(r -> missing.remove(r.id()));
            if (!missing.isEmpty()) {
                projector.delete(source, model, missing);
            }
        };
    }
}
