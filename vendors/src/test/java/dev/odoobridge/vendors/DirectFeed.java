package dev.odoobridge.vendors;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.sync.schema.ModelSchema;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.Projector;
import dev.odoobridge.testkit.FakeOdoo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Copies a FakeOdoo store's records straight into a projector: {@link FakeOdoo#records} per model
 * (the projection's fields, archived records included, as the sync reads them) and {@code apply}
 * in batches. For tests about what is done with a read model (exports, scoping,
 * alerts), not about how it gets synced; it skips HTTP and the sync engine.
 */
public final class DirectFeed {
    private static final int BATCH = 2_000;

    private DirectFeed() {
    }

    /** Every record of {@code models} of {@code fake}, applied to {@code projector} as {@code source}. */
    public static void copy(FakeOdoo fake, String source, Projector projector, String... models) {
        Objects.requireNonNull(fake, "fake == null");
        Objects.requireNonNull(projector, "projector == null");
        for (String model : models) {
            List<Map<String, Object>> rows = fake.records(model, fieldsOnServer(fake, model));
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
    private static List<String> fieldsOnServer(FakeOdoo fake, String model) {
        return ModelSchema.resolve("direct-feed", "fake", Projections.of(model), fake.schema(model)).readFields();
    }
}
