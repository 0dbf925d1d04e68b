package dev.odoobridge.testkit.internal.orm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies Odoo's x2many write commands ({@code (0, 0, vals)} create, {@code (1, id, vals)} update, {@code (2, id)}
 * delete, {@code (3, id)} unlink, {@code (4, id)} link, {@code (5,)} clear, {@code (6, 0, ids)} set) or a plain
 * list of ids (set) to one record's one2many or many2many field.
 */
final class X2manyCommands {
    private final Writer writer;
    private final Records records;
    private final FieldDef field;
    private final String model;
    private final int id;

    X2manyCommands(Writer writer, Records records, FieldDef field, int id) {
        this.writer = writer;
        this.records = records;
        this.field = field;
        this.id = id;
        this.model = ownerModel(records, field);
    }

    void apply(Object value) {
        Set<Integer> ids = new LinkedHashSet<>();
        Table owner = records.db().table(model);
        for (int current : records.toMany(owner, id, field)) {
            ids.add(current);
        }
        Set<Integer> before = new LinkedHashSet<>(ids);
        if (!(value instanceof List<?> list)) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Wrong value for " + model + "." + field.name() + ": "
                    + PyRepr.of(value));
        }
        if (list.stream().allMatch(item -> item instanceof Number)) {
            ids.clear();
            list.forEach(item -> ids.add(((Number) item).intValue()));
        } else {
            for (Object item : list) {
                command(item, ids);
            }
        }
        if (field.type() == FieldType.MANY2MANY) {
            writer.setMany2many(model, id, field, ids.stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        for (int gone : before) {
            if (!ids.contains(gone) && records.db().table(field.relation()).exists(gone)) {
                writer.setParent(field.relation(), gone, field.inverse(), null);
            }
        }
        for (int added : ids) {
            if (!before.contains(added) && records.db().table(field.relation()).exists(added)) {
                writer.setParent(field.relation(), added, field.inverse(), id);
            }
        }
    }

    private void command(Object item, Set<Integer> ids) {
        if (!(item instanceof List<?> cmd) || cmd.isEmpty() || !(cmd.get(0) instanceof Number code)) {
            throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid x2many command " + PyRepr.of(item) + " for "
                    + model + "." + field.name());
        }
        Object target = cmd.size() > 1 ? cmd.get(1) : null;
        switch (code.intValue()) {
            case 0 -> {
                Map<Object, Object> vals = new LinkedHashMap<>((Map<?, ?>) cmd.get(2));
                if (field.type() == FieldType.ONE2MANY) {
                    vals.put(field.inverse(), id);
                }
                ids.add(writer.createRecord(field.relation(), vals));
            }
            case 1 -> writer.writeRecord(field.relation(), WireValues.id(target), (Map<?, ?>) cmd.get(2));
            case 2 -> {
                ids.remove(WireValues.id(target));
                writer.deleteRecord(field.relation(), WireValues.id(target));
            }
            case 3 -> ids.remove(WireValues.id(target));
            case 4 -> ids.add(WireValues.id(target));
            case 5 -> ids.clear();
            case 6 -> {
                ids.clear();
                Arrays.stream(WireValues.idArray(cmd.get(2))).forEach(ids::add);
            }
            default -> throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid x2many command " + PyRepr.of(item)
                    + " for " + model + "." + field.name());
        }
    }

    private static String ownerModel(Records records, FieldDef field) {
        for (String name : records.db().modelNames()) {
            if (records.db().model(name).field(field.name()) == field) {
                return name;
            }
        }
        throw new IllegalStateException("field " + field.name() + " belongs to no model");
    }
}
