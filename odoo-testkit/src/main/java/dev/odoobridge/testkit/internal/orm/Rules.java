package dev.odoobridge.testkit.internal.orm;

import java.util.HashSet;
import java.util.Set;
import java.util.StringJoiner;

/** Access rules and the business constraints the fake enforces, with Odoo's messages. */
final class Rules {
    /** The superuser (OdooBot) and the administrator may do anything. */
    static final int SUPERUSER = 1;
    static final int ADMIN = 2;
    private final Records records;

    Rules(Records records) {
        this.records = records;
    }

    static boolean isAdmin(int uid) {
        return uid == SUPERUSER || uid == ADMIN;
    }

    void checkAccess(ModelDef model, int uid, String operation) {
        if (model.restricted() && !isAdmin(uid)) {
            String verb = switch (operation) {
                case "create" -> "create";
                case "unlink" -> "delete";
                default -> "modify";
            };
            throw new OrmFault(FaultKind.ACCESS_ERROR, "You are not allowed to " + verb + " '" + model.description()
                    + "' (" + model.name() + ") records.\n\nThis operation is allowed for the following groups:\n"
                    + "\t- Access Rights\n\nContact your administrator to request access if necessary.");
        }
    }

    void checkExists(Table table, int[] ids, int uid) {
        StringJoiner missing = new StringJoiner(", ");
        int count = 0;
        for (int id : ids) {
            if (!table.exists(id)) {
                missing.add(String.valueOf(id));
                count++;
            }
        }
        if (count > 0) {
            throw new OrmFault(FaultKind.MISSING_ERROR, "Record does not exist or has been deleted.\n(Record: "
                    + table.model().name() + "(" + missing + (count == 1 ? "," : "") + "), User: " + uid + ")");
        }
    }

    void checkUnlink(ModelDef model, int[] ids) {
        checkRequiredReferences(model, ids);
        if (model.name().equals("sale.order")) {
            Table orders = records.db().table(model.name());
            for (int id : ids) {
                Object state = orders.value(id, model.field("state"));
                if ("sale".equals(state) || "sent".equals(state)) {
                    throw new OrmFault(FaultKind.USER_ERROR, "You can not delete a sent quotation or a confirmed "
                            + "sales order. You must first cancel it.");
                }
            }
        }
    }

    /** Checks the constraints of freshly written records (recursive hierarchies). */
    void checkConstraints(ModelDef model, int[] ids) {
        String parentField = Hierarchy.parentField(model);
        if (parentField == null) {
            return;
        }
        Table table = records.db().table(model.name());
        FieldDef parent = model.field(parentField);
        for (int id : ids) {
            Set<Integer> seen = new HashSet<>();
            Integer current = id;
            while (current != null && table.exists(current)) {
                if (!seen.add(current)) {
                    throw new OrmFault(FaultKind.VALIDATION_ERROR, recursionMessage(model));
                }
                current = (Integer) table.value(current, parent);
            }
        }
    }

    private static String recursionMessage(ModelDef model) {
        return switch (model.name()) {
            case "res.partner" -> "You cannot create recursive Partner hierarchies.";
            case "product.category" -> "You cannot create recursive categories.";
            default -> "You cannot create recursive locations.";
        };
    }

    /**
     * A required many2one that is not the inverse of a one2many of the deleted model is
     * {@code ondelete='restrict'} in Odoo (e.g. a quant's or a move's product): PostgreSQL's
     * foreign key refuses the delete while a record still points at it.
     */
    private void checkRequiredReferences(ModelDef model, int[] ids) {
        Database db = records.db();
        for (String other : db.modelNames()) {
            ModelDef referencing = db.model(other);
            for (FieldDef field : referencing.fields()) {
                if (field.type() != FieldType.MANY2ONE || !field.required() || field.compute() != Compute.STORED
                        || !model.name().equals(field.relation()) || isInverseOf(model, other, field.name())) {
                    continue;
                }
                Table table = db.table(other);
                Set<Integer> targets = new HashSet<>();
                for (int id : ids) {
                    targets.add(id);
                }
                boolean[] found = {false};
                table.forEachId(row -> found[0] |= targets.contains(table.value(row, field)));
                if (found[0]) {
                    throw new OrmFault(FaultKind.VALIDATION_ERROR, "The operation cannot be completed: another model "
                            + "requires the record being deleted. If possible, archive it instead.\n\nModel: "
                            + referencing.description() + " (" + other + ")\nConstraint: " + other.replace('.', '_')
                            + "_" + field.name() + "_fkey\n");
                }
            }
        }
    }

    private static boolean isInverseOf(ModelDef model, String comodel, String field) {
        for (FieldDef f : model.fields()) {
            if (f.compute() == Compute.INVERSE && comodel.equals(f.relation()) && field.equals(f.inverse())) {
                return true;
            }
        }
        return false;
    }
}
