package dev.odoobridge.vendors;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.sync.schema.ModelSchema;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.internal.orm.OrmApi;
import dev.odoobridge.testkit.internal.orm.OrmRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Copies a FakeOdoo store's records straight into a projector: one in-process {@code search_read}
 * per model (the projection's fields, archived records included, as the sync reads them) and
 * {@code apply} in batches. For tests about what is done with a read model (exports, scoping,
 * alerts), not about how it gets synced; it skips HTTP and the sync engine.
 */
public final class DirectFeed {
    private static final int BATCH = 2_000;
    private static final int ADMIN_UID = 2;

    private DirectFeed() {
    }

    /** Every record of {@code models} of {@code fake}, applied to {@code projector} as {@code source}. */
    public static void copy(FakeOdoo fake, String source, Projector projector, String... models) {
        Objects.requireNonNull(fake, "fake == null");
        Objects.requireNonNull(projector, "projector == null");
        OrmApi orm = (OrmApi) fake.orm();
        for (String model : models) {
            List<Map<String, Object>> rows = searchRead(orm, model, fieldsOnServer(orm, model));
            Instant fetchedAt = Instant.now();
            for (int i = 0; i < rows.size(); i += BATCH) {
                List<OdooRecord> batch = new ArrayList<>();
                for (Map<String, Object> row : rows.subList(i, Math.min(rows.size(), i + BATCH))) {
                    batch.add(OdooRecord.of(row));
                }
                projector.apply(source, model, batch, fetchedAt);
            }
        }
    }

    /** The built-in projection's fields the fake's schema has, as the sync reads them. */
    @SuppressWarnings("unchecked")
    private static List<String> fieldsOnServer(OrmApi orm, String model) {
        Map<String, Object> fieldsGet = (Map<String, Object>) orm.execute(new OrmRequest(model, "fields_get", null,
                List.of(), Map.of("attributes", List.of("type")), ADMIN_UID));
        return ModelSchema.resolve("direct-feed", "fake", Projections.of(model),
                ModelDefinition.fromFieldsGet(model, fieldsGet)).readFields();
    }

    /** All records of a model (archived included) with the given fields, read in process. */
    public static List<Map<String, Object>> searchRead(FakeOdoo fake, String model, List<String> fields) {
        return searchRead((OrmApi) fake.orm(), model, fields);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> searchRead(OrmApi orm, String model, List<String> fields) {
        Object result = orm.execute(new OrmRequest(model, "search_read", null, List.of(List.of()),
                Map.of("fields", fields, "order", "id", "context", Map.of("active_test", false)), ADMIN_UID));
        return (List<Map<String, Object>>) result;
    }
}
