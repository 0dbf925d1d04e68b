package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads field values of records in their internal form (String, Integer id, Double, Boolean, Long micros for
 * datetimes, int[] for x2many), computing non-stored fields. One instance per call: it carries the call's context
 * and caches display names.
 */
final class Records {
    private final Database db;
    private final Ctx ctx;
    private final Map<Long, String> names = new HashMap<>();
    private StockQuantities stock;

    Records(Database db, Ctx ctx) {
        this.db = db;
        this.ctx = ctx;
    }

    Database db() {
        return db;
    }

    Ctx ctx() {
        return ctx;
    }

    Object get(Table table, int id, FieldDef field) {
        return switch (field.compute()) {
            case STORED -> table.value(id, field);
            case MAGIC -> magic(table, id, field.name());
            case DISPLAY_NAME -> displayName(table, id);
            case COMPLETE_NAME -> completeName(table, id);
            case RELATED -> related(table, id, field);
            case INVERSE -> inverse(table, id, field);
            case STOCK_QTY -> stock().quantity(id, field.name());
            case EMPTY -> null;
        };
    }

    /** The display name of a record; {@code "model,id"} for a model FakeOdoo does not serve. */
    String displayName(String model, int id) {
        if (!db.has(model)) {
            return model + "," + id;
        }
        return displayName(db.table(model), id);
    }

    String displayName(Table table, int id) {
        long key = ((long) System.identityHashCode(table) << 32) | id;
        String cached = names.get(key);
        if (cached == null) {
            cached = computeDisplayName(table, id);
            names.put(key, cached);
        }
        return cached;
    }

    /** Ids of the comodel records an x2many field holds (archived ones hidden when the context says so). */
    int[] toMany(Table table, int id, FieldDef field) {
        Object value = get(table, id, field);
        return value == null ? new int[0] : (int[]) value;
    }

    private Object magic(Table table, int id, String name) {
        return switch (name) {
            case "id" -> id;
            case "create_date" -> table.createMicros(id);
            case "write_date" -> table.writeMicros(id);
            case "create_uid" -> nonZero(table.createUid(id));
            case "write_uid" -> nonZero(table.writeUid(id));
            default -> throw new IllegalStateException("no bookkeeping field " + name);
        };
    }

    private static Integer nonZero(int uid) {
        return uid == 0 ? null : uid;
    }

    private Object related(Table table, int id, FieldDef field) {
        FieldDef via = table.model().field(field.viaField());
        Object target = get(table, id, via);
        if (target == null) {
            return null;
        }
        Table other = db.table(via.relation());
        int targetId = (Integer) target;
        FieldDef read = other.model().field(field.target());
        return other.exists(targetId) && read != null ? get(other, targetId, read) : null;
    }

    private Object inverse(Table table, int id, FieldDef field) {
        Table other = db.table(field.relation());
        int[] ids = other.referencing(field.inverse(), id);
        if (ids == null) {
            throw new IllegalStateException(field.relation() + "." + field.inverse() + " is not indexed");
        }
        FieldDef active = other.model().field("active");
        if (!ctx.activeTest() || active == null) {
            return ids;
        }
        int n = 0;
        int[] kept = new int[ids.length];
        for (int child : ids) {
            if (!Boolean.FALSE.equals(get(other, child, active))) {
                kept[n++] = child;
            }
        }
        return n == ids.length ? ids : java.util.Arrays.copyOf(kept, n);
    }

    private String completeName(Table table, int id) {
        ModelDef model = table.model();
        if (model.naming() == ModelDef.Naming.PARTNER) {
            return displayName(table, id);
        }
        String parentField = model.name().equals("stock.location") ? "location_id" : "parent_id";
        String separator = model.name().equals("stock.location") ? "/" : " / ";
        List<String> parts = new ArrayList<>();
        FieldDef parent = model.field(parentField);
        FieldDef name = model.field("name");
        int current = id;
        for (int depth = 0; current != 0 && table.exists(current) && depth < 64; depth++) {
            Object part = table.value(current, name);
            parts.add(0, part == null ? "" : part.toString());
            Object up = table.value(current, parent);
            current = up == null ? 0 : (Integer) up;
        }
        return String.join(separator, parts);
    }

    private String computeDisplayName(Table table, int id) {
        if (!table.exists(id)) {
            return "";
        }
        ModelDef model = table.model();
        return switch (model.naming()) {
            case FIELD -> text(get(table, id, model.field(model.recName())));
            case COMPLETE -> completeName(table, id);
            case MODEL_ID -> model.name() + "," + id;
            case PRODUCT -> {
                String code = text(get(table, id, model.field("default_code")));
                String name = text(get(table, id, model.field("name")));
                yield code.isEmpty() ? name : "[" + code + "] " + name;
            }
            case PARTNER -> {
                String name = text(get(table, id, model.field("name")));
                Object parent = table.value(id, model.field("parent_id"));
                boolean company = Boolean.TRUE.equals(table.value(id, model.field("is_company")));
                if (parent == null || company || !table.exists((Integer) parent)) {
                    yield name;
                }
                yield displayName(table, (Integer) parent) + ", " + name;
            }
        };
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private StockQuantities stock() {
        if (stock == null) {
            stock = new StockQuantities(this);
        }
        return stock;
    }
}
