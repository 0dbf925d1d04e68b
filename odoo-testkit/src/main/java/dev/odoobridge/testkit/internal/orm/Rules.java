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
}
