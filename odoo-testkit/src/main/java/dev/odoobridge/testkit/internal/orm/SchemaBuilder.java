package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A compact way to declare models: one chained call per field. */
final class SchemaBuilder {
    private final Map<String, ModelDef> models = new LinkedHashMap<>();
    private ModelDef current;

    /** Starts a model named by its first stored char field "name". */
    SchemaBuilder model(String name, String description) {
        return model(name, description, ModelDef.Naming.FIELD, "name", false);
    }

    SchemaBuilder model(String name, String description, ModelDef.Naming naming, String recName, boolean restricted) {
        current = new ModelDef(name, description, naming, recName, restricted);
        models.put(name, current);
        magic("id", FieldType.INTEGER, "ID", null);
        field(new FieldDef("display_name", FieldType.CHAR, "Display Name", null, null, List.of(), false, true,
                Compute.DISPLAY_NAME, null, null, -1));
        return this;
    }

    SchemaBuilder chr(String name, String string) {
        return plain(name, FieldType.CHAR, string, false);
    }

    SchemaBuilder req(String name, String string) {
        return plain(name, FieldType.CHAR, string, true);
    }

    SchemaBuilder text(String name, String string) {
        return plain(name, FieldType.TEXT, string, false);
    }

    SchemaBuilder html(String name, String string) {
        return plain(name, FieldType.HTML, string, false);
    }

    SchemaBuilder binary(String name, String string) {
        return plain(name, FieldType.BINARY, string, false);
    }

    SchemaBuilder integer(String name, String string) {
        return plain(name, FieldType.INTEGER, string, false);
    }

    SchemaBuilder flt(String name, String string) {
        return plain(name, FieldType.FLOAT, string, false);
    }

    SchemaBuilder bool(String name, String string) {
        return plain(name, FieldType.BOOLEAN, string, false);
    }

    SchemaBuilder date(String name, String string) {
        return plain(name, FieldType.DATE, string, false);
    }

    SchemaBuilder datetime(String name, String string) {
        return plain(name, FieldType.DATETIME, string, false);
    }

    SchemaBuilder active() {
        return bool("active", "Active");
    }

    /** A selection; {@code pairs} alternates value and label. */
    SchemaBuilder selection(String name, String string, boolean required, String... pairs) {
        List<List<String>> sel = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            sel.add(List.of(pairs[i], pairs[i + 1]));
        }
        return field(new FieldDef(name, FieldType.SELECTION, string, null, null, sel, required, false, Compute.STORED,
                null, null, -1));
    }

    SchemaBuilder m2o(String name, String string, String comodel) {
        return m2o(name, string, comodel, false);
    }

    SchemaBuilder m2o(String name, String string, String comodel, boolean required) {
        return field(new FieldDef(name, FieldType.MANY2ONE, string, comodel, null, List.of(), required, false,
                Compute.STORED, null, null, -1));
    }

    SchemaBuilder o2m(String name, String string, String comodel, String inverse) {
        return field(new FieldDef(name, FieldType.ONE2MANY, string, comodel, inverse, List.of(), false, false,
                Compute.INVERSE, null, null, -1));
    }

    SchemaBuilder m2m(String name, String string, String comodel) {
        return field(new FieldDef(name, FieldType.MANY2MANY, string, comodel, null, List.of(), false, false,
                Compute.STORED, null, null, -1));
    }

    /** A field read and written through the many2one {@code via} (same name on the target model). */
    SchemaBuilder related(String via, FieldDef template) {
        return field(new FieldDef(template.name(), template.type(), template.string(), template.relation(),
                template.inverse(), template.selection(), template.required(), template.readonly(), Compute.RELATED,
                via, template.help(), -1));
    }

    SchemaBuilder computed(String name, FieldType type, String string, Compute compute) {
        return field(new FieldDef(name, type, string, null, null, List.of(), false, compute != Compute.STOCK_QTY,
                compute, null, null, -1));
    }

    /** Adds create/write dates and users; call last so they come after the model's own fields. */
    SchemaBuilder audit() {
        magic("create_uid", FieldType.MANY2ONE, "Created by", "res.users");
        magic("create_date", FieldType.DATETIME, "Created on", null);
        magic("write_uid", FieldType.MANY2ONE, "Last Updated by", "res.users");
        return magic("write_date", FieldType.DATETIME, "Last Updated on", null);
    }

    SchemaBuilder field(FieldDef field) {
        current.add(field);
        return this;
    }

    ModelDef current() {
        return current;
    }

    Map<String, ModelDef> build() {
        return models;
    }

    private SchemaBuilder plain(String name, FieldType type, String string, boolean required) {
        return field(new FieldDef(name, type, string, null, null, List.of(), required, false, Compute.STORED, null,
                null, -1));
    }

    private SchemaBuilder magic(String name, FieldType type, String string, String relation) {
        return field(new FieldDef(name, type, string, relation, null, List.of(), false, true, Compute.MAGIC, null,
                null, -1));
    }
}
