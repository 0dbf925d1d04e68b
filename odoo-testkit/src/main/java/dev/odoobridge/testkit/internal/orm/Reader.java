package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code read}: records as Odoo 19 sends them, {@code id} first; missing ids are skipped. */
final class Reader {
    private Reader() {
    }

    /**
     * Checks requested field names.
     *
     * @throws OrmFault VALUE_ERROR for an unknown field
     */
    static void validate(ModelDef model, List<String> fields) {
        if (fields == null) {
            return;
        }
        for (String name : fields) {
            if (model.field(name) == null) {
                throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid field " + PyRepr.of(name) + " on model "
                        + PyRepr.of(model.name()));
            }
        }
    }

    static List<Map<String, Object>> read(Records records, Table table, int[] ids, List<String> fieldNames) {
        ModelDef model = table.model();
        validate(model, fieldNames);
        List<FieldDef> fields = new ArrayList<>();
        if (fieldNames == null) {
            model.fields().stream().filter(f -> !f.name().equals("id")).forEach(fields::add);
        } else {
            fieldNames.stream().filter(n -> !n.equals("id")).distinct().forEach(n -> fields.add(model.field(n)));
        }
        List<Map<String, Object>> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            if (!table.exists(id)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            for (FieldDef field : fields) {
                row.put(field.name(), WireValues.toRead(records, field, records.get(table, id, field)));
            }
            out.add(row);
        }
        return out;
    }
}
