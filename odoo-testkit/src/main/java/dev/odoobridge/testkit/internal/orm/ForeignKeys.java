package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The foreign keys Odoo gives stored many2one fields, and what they do when the record they point at is deleted.
 * Each many2one has an {@code ondelete} policy: the one its declaration in Odoo's source names, else
 * {@code restrict} for a required field and {@code set null} for an optional one (company-dependent fields have no
 * foreign key). A delete that a {@code restrict} key refuses is the ValidationError Odoo turns PostgreSQL's
 * foreign-key violation into, worded per version.
 */
final class ForeignKeys {
    /** What deleting the target does to the records pointing at it. */
    enum Policy {
        /** The delete is refused while a record points at the target. */
        RESTRICT,
        /** The records pointing at the target are deleted with it. */
        CASCADE,
        /** The many2one of the records pointing at the target is emptied. */
        SET_NULL
    }

    /**
     * One foreign key: {@code field} of {@code model} points at the deleted model.
     *
     * @param model the referencing model
     * @param field its many2one
     * @param policy what deleting the target does
     */
    record Reference(ModelDef model, FieldDef field, Policy policy) {
    }

    /**
     * The {@code ondelete} that Odoo's field declarations name for served many2ones, where it differs from the
     * default for their {@code required} (a required many2one to {@code ir.model} must cascade).
     */
    private static final Map<String, Policy> DECLARED = Map.ofEntries(
            Map.entry("product.category.parent_id", Policy.CASCADE),
            Map.entry("product.product.product_tmpl_id", Policy.CASCADE),
            Map.entry("product.supplierinfo.partner_id", Policy.CASCADE),
            Map.entry("product.supplierinfo.product_tmpl_id", Policy.CASCADE),
            Map.entry("product.packaging.product_id", Policy.CASCADE),
            Map.entry("product.uom.product_id", Policy.CASCADE),
            Map.entry("product.uom.uom_id", Policy.CASCADE),
            Map.entry("stock.location.location_id", Policy.CASCADE),
            Map.entry("stock.quant.lot_id", Policy.RESTRICT),
            Map.entry("stock.warehouse.orderpoint.warehouse_id", Policy.CASCADE),
            Map.entry("stock.warehouse.orderpoint.location_id", Policy.CASCADE),
            Map.entry("stock.warehouse.orderpoint.product_id", Policy.CASCADE),
            Map.entry("sale.order.line.order_id", Policy.CASCADE),
            Map.entry("sale.order.line.product_id", Policy.RESTRICT),
            Map.entry("sale.order.line.linked_line_id", Policy.CASCADE),
            Map.entry("purchase.order.line.order_id", Policy.CASCADE),
            Map.entry("ir.model.fields.model_id", Policy.CASCADE),
            Map.entry("ir.actions.server.model_id", Policy.CASCADE),
            Map.entry("ir.actions.server.base_automation_id", Policy.CASCADE),
            Map.entry("base.automation.model_id", Policy.CASCADE));

    /**
     * The served models in the order Odoo creates their tables and foreign keys (module installation order, then
     * the order of the module's model files): PostgreSQL reports the first violated key in that order, so a
     * product that stock moves, quants and order lines point at is refused for the stock moves. Models not listed
     * (a user's own) come last.
     */
    private static final List<String> CREATION_ORDER = List.of("ir.model", "ir.model.fields", "ir.actions.server",
            "ir.attachment", "res.partner", "res.company", "res.users", "mail.mail", "product.category",
            "product.template", "product.product", "product.supplierinfo", "product.packaging", "product.uom", "stock.location", "stock.move",
            "stock.warehouse.orderpoint", "stock.lot", "stock.quant", "stock.warehouse", "sale.order",
            "sale.order.line", "purchase.order", "purchase.order.line", "base.automation");

    private final Database db;
    private final Map<String, List<Reference>> byTarget = new HashMap<>();

    /** The foreign keys of {@code db}'s schema as it is now (custom fields included). */
    ForeignKeys(Database db) {
        this.db = db;
    }

    /** Whether {@code field} of a model has a foreign key: a many2one kept in the row, not company-dependent. */
    static boolean hasForeignKey(FieldDef field) {
        return field.type() == FieldType.MANY2ONE && field.inRow() && field.relation() != null
                && !Boolean.TRUE.equals(field.attributes().get("company_dependent"));
    }

    /** The {@code ondelete} policy of a many2one of {@code model}. */
    static Policy policy(String model, FieldDef field) {
        Policy declared = DECLARED.get(model + "." + field.name());
        if (declared != null) {
            return declared;
        }
        return field.required() ? Policy.RESTRICT : Policy.SET_NULL;
    }

    /** The foreign keys pointing at {@code target}, in the order PostgreSQL checks them. */
    List<Reference> to(String target) {
        return byTarget.computeIfAbsent(target, t -> {
            List<Reference> out = new ArrayList<>();
            for (String name : db.modelNames()) {
                ModelDef model = db.model(name);
                for (FieldDef field : model.fields()) {
                    if (hasForeignKey(field) && t.equals(field.relation())) {
                        out.add(new Reference(model, field, policy(name, field)));
                    }
                }
            }
            out.sort(Comparator.comparingInt(r -> rank(r.model().name())));
            return out;
        });
    }

    private static int rank(String model) {
        int index = CREATION_ORDER.indexOf(model);
        return index < 0 ? CREATION_ORDER.size() : index;
    }

    /** The ids of {@code reference.model()} whose many2one points at {@code target}. */
    int[] referencing(Reference reference, int target) {
        Table table = db.table(reference.model().name());
        int[] indexed = table.referencing(reference.field().name(), target);
        if (indexed != null) {
            return indexed;
        }
        List<Integer> found = new ArrayList<>();
        table.forEachId(id -> {
            if (Integer.valueOf(target).equals(table.value(id, reference.field()))) {
                found.add(id);
            }
        });
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The refusal of a delete by a {@code restrict} foreign key, as Odoo words the foreign-key violation: before
     * 19.0 with the referencing model and the constraint's name, from 19.0 with the model and the field.
     */
    static OrmFault refusal(OdooRelease release, Reference reference) {
        ModelDef model = reference.model();
        FieldDef field = reference.field();
        if (release.major() >= 19) {
            return new OrmFault(FaultKind.VALIDATION_ERROR, "The operation cannot be completed: Another model is "
                    + "using the record you are trying to delete.\n\nThe troublemaker is: '" + model.description()
                    + "' (" + model.name() + ")\nThanks to the following constraint: '" + field.string() + "' ("
                    + field.name() + ")\nHow about archiving the record instead?");
        }
        return new OrmFault(FaultKind.VALIDATION_ERROR, "The operation cannot be completed: another model requires "
                + "the record being deleted. If possible, archive it instead.\n\nModel: " + model.description() + " ("
                + model.name() + ")\nConstraint: " + model.name().replace('.', '_') + "_" + field.name() + "_fkey\n");
    }
}
