package dev.odoobridge.sync.internal;

import dev.odoobridge.client.meta.FieldDefinition;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.sync.schema.Feature;
import dev.odoobridge.sync.schema.FeatureState;
import dev.odoobridge.sync.schema.ModelSchema;
import dev.odoobridge.sync.schema.SchemaException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides, from a server's {@code fields_get} of a model, which projection fields the sync reads
 * there: every field the server has; an optional one it lacks is left out (its {@link Feature}, if
 * any, is off); a non-optional (configured) one it lacks is a configuration error; a field the sync
 * cannot do without ({@link RequiredFields}) is an error naming the module to install. Pure: no I/O.
 */
public final class SchemaResolver {
    private SchemaResolver() {
    }

    /**
     * How the projection's model is read on a server with this definition.
     *
     * @throws SchemaException when a needed or configured field is missing
     */
    public static ModelSchema resolve(String source, String serverVersion, Projection projection, ModelDefinition definition) {
        String model = projection.model();
        List<String> missingConfigured = new ArrayList<>();
        List<String> notOnServer = new ArrayList<>();
        List<String> projected = new ArrayList<>();
        for (String field : projection.fields()) {
            if (definition.fields().containsKey(field)) {
                projected.add(field);
            } else if (projection.isOptional(field)) {
                notOnServer.add(field);
            } else {
                missingConfigured.add(field);
            }
        }
        if (!missingConfigured.isEmpty()) {
            throw new SchemaException(SchemaException.Kind.UNKNOWN_CONFIGURED_FIELD, source, model, missingConfigured,
                    "configured field(s) " + String.join(", ", missingConfigured) + " of " + model + " do not exist on "
                            + source + " (Odoo " + serverVersion + "); remove them from sync.extra-fields." + model
                            + " or add them in Odoo (`odoo-bridge models fields " + model + "` lists what exists)");
        }
        RequiredFields.check(source, serverVersion, model, projection.fields(), definition.fields().keySet());
        List<String> read = OdooReads.readFields(projected);
        Map<String, String> types = new LinkedHashMap<>();
        for (String field : read) {
            FieldDefinition f = definition.fields().get(field);
            if (f != null) {
                types.put(field, f.type());
            }
        }
        return new ModelSchema(model, read, types, notOnServer, fingerprint(serverVersion, definition), true);
    }

    /** The schema of a model whose server cannot be asked: the projection's fields as configured. */
    public static ModelSchema unchecked(Projection projection) {
        return new ModelSchema(projection.model(), OdooReads.readFields(projection.fields()), Map.of(), List.of(), "", false);
    }

    /**
     * Every feature's state: on when its model is synced and read with all its fields; off with the
     * remedy when the server lacks a field, or when its model is not synced.
     *
     * @param models how each synced model is read, or absent when it cannot be
     */
    public static List<FeatureState> features(Map<String, ModelSchema> models, java.util.Set<String> syncedModels) {
        List<FeatureState> out = new ArrayList<>();
        for (Feature f : Feature.values()) {
            ModelSchema m = models.get(f.model());
            if (!syncedModels.contains(f.model())) {
                out.add(new FeatureState(f, false, f.model() + " is not synced"));
            } else if (m == null) {
                out.add(new FeatureState(f, false, f.model() + " cannot be read on this server"));
            } else if (!m.fromServer() || m.readFields().containsAll(f.fields())) {
                out.add(new FeatureState(f, true, null));
            } else {
                out.add(new FeatureState(f, false, f.remedy()));
            }
        }
        return out;
    }

    /** The Odoo module that adds a model, named when the model is missing on a server. */
    public static String moduleOf(String model) {
        return RequiredFields.moduleOf(model);
    }

    /** A digest of the server version and the model's field names and types, 16 hex digits. */
    public static String fingerprint(String serverVersion, ModelDefinition definition) {
        StringBuilder text = new StringBuilder(serverVersion).append('\n').append(definition.model()).append('\n');
        new TreeMap<>(definition.fields()).forEach((name, f) -> text.append(name).append(':').append(f.type()).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
