package dev.odoobridge.sync.schema;

import java.util.List;
import java.util.Objects;

/**
 * A synced model cannot be read on a server: the model or a field the sync cannot do without is
 * missing (the message names the Odoo module to install), or a configured extra field does not exist
 * there (a configuration error naming the field and the model).
 */
public final class SchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Kind {
        /** The model or a field the sync needs is missing: an Odoo module is not installed. */
        MISSING_MODULE,
        /** A field the configuration asks for does not exist on the server. */
        UNKNOWN_CONFIGURED_FIELD
    }

    private final transient Kind kind;
    private final String source;
    private final String model;
    private final List<String> fields;

    /**
     * @param kind what is wrong
     * @param source the source
     * @param model the model
     * @param fields the missing fields (empty when the model itself is missing)
     * @param message the full explanation
     */
    public SchemaException(Kind kind, String source, String model, List<String> fields, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind == null");
        this.source = Objects.requireNonNull(source, "source == null");
        this.model = Objects.requireNonNull(model, "model == null");
        this.fields = List.copyOf(fields);
    }

    /** What is wrong. */
    public Kind kind() {
        return kind;
    }

    /** The source. */
    public String source() {
        return source;
    }

    /** The model. */
    public String model() {
        return model;
    }

    /** The missing fields (empty when the model itself is missing). */
    public List<String> fields() {
        return fields;
    }
}
