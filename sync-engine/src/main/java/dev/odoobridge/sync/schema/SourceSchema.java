package dev.odoobridge.sync.schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one source's server offers the sync, as read at {@link #readAt()}: per synced model either
 * how it is read ({@link ModelSchema}) or why it cannot be ({@link SchemaException}), and the
 * features that are on or off.
 *
 * @param source the source
 * @param serverVersion the server version, e.g. {@code "17.0"}
 * @param models how each readable synced model is read, in sync order
 * @param problems why each unreadable synced model cannot be read
 * @param features every feature, on or off
 * @param readAt when the schema was read
 */
public record SourceSchema(String source, String serverVersion, Map<String, ModelSchema> models,
                           Map<String, SchemaException> problems, List<FeatureState> features, Instant readAt) {
    public SourceSchema {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(serverVersion, "serverVersion == null");
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
        problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
        features = List.copyOf(features);
        Objects.requireNonNull(readAt, "readAt == null");
    }

    /**
     * How a synced model is read.
     *
     * @throws SchemaException when the server lacks the model, a field the sync needs or a configured field
     * @throws IllegalArgumentException when the model is not synced
     */
    public ModelSchema model(String model) {
        ModelSchema m = models.get(model);
        if (m != null) {
            return m;
        }
        SchemaException problem = problems.get(model);
        if (problem != null) {
            throw problem;
        }
        throw new IllegalArgumentException("model '" + model + "' is not synced; synced: " + models.keySet());
    }

    /** The state of one feature. */
    public Optional<FeatureState> feature(Feature feature) {
        return features.stream().filter(f -> f.feature() == feature).findFirst();
    }
}
