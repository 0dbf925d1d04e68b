package dev.odoobridge.sync.schema;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one synced model is read on one server.
 *
 * @param model the model
 * @param readFields the fields read ({@code id} and {@code write_date} first), those of the projection
 *     the server has
 * @param types Odoo type per read field, as the server reports it (empty when the server's schema
 *     could not be asked, see {@link #fromServer()})
 * @param notOnServer optional projection fields the server does not have (left out)
 * @param fingerprint a digest of the server version and the model's field names and types ("" when
 *     not from the server); it changes when a module adding or removing fields is installed or the
 *     server is upgraded
 * @param fromServer false when the client cannot serve {@code fields_get} (test doubles): the
 *     projection's fields are read as configured and typed by the built-in catalog
 */
public record ModelSchema(String model, List<String> readFields, Map<String, String> types, List<String> notOnServer,
                          String fingerprint, boolean fromServer) {
    public ModelSchema {
        Objects.requireNonNull(model, "model == null");
        readFields = List.copyOf(readFields);
        types = Map.copyOf(types);
        notOnServer = List.copyOf(notOnServer);
        Objects.requireNonNull(fingerprint, "fingerprint == null");
    }
}
