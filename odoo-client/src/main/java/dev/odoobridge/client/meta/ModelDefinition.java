package dev.odoobridge.client.meta;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model's fields, keyed by name in the order Odoo sent them.
 *
 * @param model technical model name
 * @param fields field definitions by name
 */
public record ModelDefinition(String model, Map<String, FieldDefinition> fields) {
    public ModelDefinition {
        Objects.requireNonNull(model, "model == null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field, if the model has it. */
    public Optional<FieldDefinition> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Builds a definition from a decoded {@code fields_get} result. */
    public static ModelDefinition fromFieldsGet(String model, Map<String, ?> fieldsGet) {
        Map<String, FieldDefinition> out = new LinkedHashMap<>();
        fieldsGet.forEach((name, attrs) -> {
            if (attrs instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, ?> a = (Map<String, ?>) m;
                out.put(name, FieldDefinition.fromFieldsGet(name, a));
            }
        });
        return new ModelDefinition(model, out);
    }
}
