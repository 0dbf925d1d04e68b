package dev.odoobridge.testkit.internal.orm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The models behind automation rules: {@code base.automation}, {@code ir.actions.server} and
 * {@code ir.model.fields}, defined from the {@code fields_get} recorded on a real server of the played version
 * (field names, types, labels, selections, required and readonly as recorded). A model the schema already has is
 * left as it is. Fields whose type FakeOdoo does not know ({@code json}, {@code reference},
 * {@code many2one_reference}) or whose comodel FakeOdoo does not serve (activities, followers, groups, ...) are
 * left out; computed fields FakeOdoo keeps no logic for are plain stored fields.
 */
final class AutomationSchema {
    /** The automation models, in the order they are added. */
    static final List<String> MODELS = List.of("ir.model.fields", "base.automation", "ir.actions.server");
    private static final Set<String> MAGIC = Set.of("id", "create_uid", "create_date", "write_uid", "write_date");
    private static final Map<String, String> DESCRIPTIONS = Map.of("ir.model.fields", "Fields",
            "base.automation", "Automation Rule", "ir.actions.server", "Server Action");
    private static final Map<String, String> REC_NAMES = Map.of("ir.model.fields", "field_description",
            "base.automation", "name", "ir.actions.server", "name");

    private AutomationSchema() {
    }

    /** Adds the automation models of {@code version} to {@code schema} (those it does not have yet). */
    static Map<String, ModelDef> addTo(Map<String, ModelDef> schema, String version) {
        Map<String, JsonNode> dumps = new java.util.LinkedHashMap<>();
        for (String model : MODELS) {
            if (!schema.containsKey(model)) {
                dumps.put(model, load(version, model));
                schema.put(model, new ModelDef(model, DESCRIPTIONS.get(model), ModelDef.Naming.FIELD,
                        REC_NAMES.get(model), true));
            }
        }
        dumps.forEach((model, dump) -> define(schema, schema.get(model), dump));
        return schema;
    }

    private static void define(Map<String, ModelDef> schema, ModelDef model, JsonNode dump) {
        List<String> names = new ArrayList<>();
        dump.fieldNames().forEachRemaining(names::add);
        model.add(magic("id", FieldType.INTEGER, "ID", null));
        for (String name : names) {
            JsonNode f = dump.get(name);
            FieldDef field = field(schema, name, f);
            if (field != null) {
                model.add(field);
            }
        }
        model.add(new FieldDef("display_name", FieldType.CHAR, "Display Name", null, null, List.of(), false, true,
                Compute.DISPLAY_NAME, null, null, -1));
        model.add(magic("create_uid", FieldType.MANY2ONE, "Created by", "res.users"));
        model.add(magic("create_date", FieldType.DATETIME, "Created on", null));
        model.add(magic("write_uid", FieldType.MANY2ONE, "Last Updated by", "res.users"));
        model.add(magic("write_date", FieldType.DATETIME, "Last Updated on", null));
    }

    private static FieldDef field(Map<String, ModelDef> schema, String name, JsonNode f) {
        if (MAGIC.contains(name) || name.equals("display_name")) {
            return null;
        }
        FieldType type;
        try {
            type = FieldType.valueOf(f.path("type").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknownType) {
            return null;
        }
        String relation = f.hasNonNull("relation") ? f.get("relation").asText() : null;
        if (relation != null && !schema.containsKey(relation)) {
            return null;
        }
        String inverse = null;
        Compute compute = Compute.STORED;
        if (type == FieldType.ONE2MANY) {
            inverse = f.path("relation_field").asText(null);
            compute = Compute.INVERSE;
        }
        List<List<String>> selection = new ArrayList<>();
        if (f.path("selection").isArray()) {
            for (JsonNode pair : f.get("selection")) {
                selection.add(List.of(pair.get(0).asText(), pair.get(1).asText()));
            }
        }
        String help = f.hasNonNull("help") ? f.get("help").asText() : null;
        return new FieldDef(name, type, f.path("string").asText(name), relation, inverse, selection,
                f.path("required").asBoolean(false), f.path("readonly").asBoolean(false), compute, null, help, -1);
    }

    /** Drops one2many fields whose inverse many2one the comodel lacks (it was left out). */
    static void dropDanglingInverses(Map<String, ModelDef> schema) {
        for (String model : MODELS) {
            ModelDef def = schema.get(model);
            if (def == null) {
                continue;
            }
            for (Iterator<FieldDef> it = def.fields().iterator(); it.hasNext(); ) {
                FieldDef field = it.next();
                if (field.compute() == Compute.INVERSE && (field.inverse() == null
                        || schema.get(field.relation()).field(field.inverse()) == null)) {
                    it.remove();
                }
            }
        }
    }

    private static FieldDef magic(String name, FieldType type, String string, String relation) {
        return new FieldDef(name, type, string, relation, null, List.of(), false, true, Compute.MAGIC, null, null,
                -1);
    }

    private static JsonNode load(String version, String model) {
        String resource = "/dev/odoobridge/testkit/automation/" + version + "/" + model + ".json";
        try (InputStream in = AutomationSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no recorded fields_get of " + model + " for Odoo " + version);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
