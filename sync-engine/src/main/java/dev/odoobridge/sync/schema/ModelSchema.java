package dev.odoobridge.sync.schema;

import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.sync.internal.SchemaResolver;
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

    /**
     * How the projection's model is read on a server whose {@code fields_get} gave {@code definition}:
     * every projection field the server has; optional ones it lacks are left out.
     *
     * @param source the source's name, for messages
     * @param serverVersion the server's version, part of the fingerprint
     * @throws SchemaException when a configured or needed field is missing on the server
     */
    public static ModelSchema resolve(String source, String serverVersion, Projection projection,
                                      ModelDefinition definition) {
        return SchemaResolver.resolve(source, serverVersion, projection, definition);
    }
}
