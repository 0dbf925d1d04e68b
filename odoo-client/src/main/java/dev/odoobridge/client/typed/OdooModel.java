package dev.odoobridge.client.typed;

import dev.odoobridge.client.OdooRecord;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Describes how a Java record maps to an Odoo model: its name, the fields to read, and the two
 * conversions. Generated classes expose one as {@code MODEL}.
 *
 * @param <T> the record type
 * @param name the Odoo model name
 * @param fields the fields read for each record
 * @param reader builds a record from a read row
 * @param writer turns a record into write values (only writable, set fields)
 */
public record OdooModel<T>(String name, List<String> fields, Function<OdooRecord, T> reader,
                           Function<T, Map<String, Object>> writer) {
    public OdooModel {
        Objects.requireNonNull(name, "name == null");
        fields = List.copyOf(fields);
        Objects.requireNonNull(reader, "reader == null");
        Objects.requireNonNull(writer, "writer == null");
    }

    /** A model descriptor. */
    public static <T> OdooModel<T> of(String name, List<String> fields, Function<OdooRecord, T> reader,
                                      Function<T, Map<String, Object>> writer) {
        return new OdooModel<>(name, fields, reader, writer);
    }
}
