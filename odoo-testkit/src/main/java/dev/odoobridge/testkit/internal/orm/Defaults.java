package dev.odoobridge.testkit.internal.orm;

import java.util.Map;
import java.util.Set;

/**
 * What {@code create} does with fields left out: the defaults Odoo gives, and the refusal of a required field
 * Odoo has no default for ({@code NOT NULL}), with the version's ValidationError text.
 */
final class Defaults {
    /**
     * Required fields with neither a default nor a compute in Odoo, per model; a field is enforced only when the
     * played release also marks it required (so {@code stock.move.name} on 17.0 and 18.0, not on 19.0).
     */
    private static final Map<String, Set<String>> NO_DEFAULT = Map.ofEntries(
            Map.entry("res.company", Set.of("name")),
            Map.entry("res.users", Set.of("login")),
            Map.entry("product.category", Set.of("name")),
            Map.entry("product.template", Set.of("name")),
            Map.entry("product.supplierinfo", Set.of("partner_id")),
            Map.entry("product.packaging", Set.of("name", "product_id")),
            Map.entry("product.uom", Set.of("uom_id", "product_id", "barcode")),
            Map.entry("stock.warehouse", Set.of("name", "code")),
            Map.entry("stock.location", Set.of("name")),
            Map.entry("stock.lot", Set.of("product_id")),
            Map.entry("stock.quant", Set.of("product_id", "location_id")),
            Map.entry("stock.move", Set.of("product_id", "location_id", "location_dest_id", "name")),
            Map.entry("stock.warehouse.orderpoint", Set.of("product_id")),
            Map.entry("sale.order", Set.of("partner_id")),
            Map.entry("sale.order.line", Set.of("order_id")),
            Map.entry("purchase.order", Set.of("partner_id")),
            Map.entry("purchase.order.line", Set.of("order_id")),
            Map.entry("ir.attachment", Set.of("name")),
            Map.entry("ir.model", Set.of("model", "name")),
            Map.entry("ir.model.fields", Set.of("name", "model_id", "field_description", "ttype")),
            Map.entry("ir.actions.server", Set.of("name", "model_id")),
            Map.entry("base.automation", Set.of("name", "model_id")));

    /** Defaults of Odoo's field declarations (selection fields not listed default to their first value). */
    private static final Map<String, Object> VALUES = Map.ofEntries(
            Map.entry("product.template.type", "consu"),
            Map.entry("product.template.detailed_type", "consu"),
            Map.entry("product.template.tracking", "none"),
            Map.entry("product.template.sale_line_warn", "no-message"),
            Map.entry("product.template.purchase_line_warn", "no-message"),
            Map.entry("product.template.service_tracking", "no"),
            Map.entry("product.supplierinfo.delay", 1),
            Map.entry("product.packaging.sequence", 1),
            Map.entry("product.packaging.qty", 1.0),
            Map.entry("product.supplierinfo.min_qty", 0.0),
            Map.entry("product.supplierinfo.price", 0.0),
            Map.entry("stock.quant.reserved_quantity", 0.0),
            Map.entry("stock.move.procure_method", "make_to_stock"),
            Map.entry("stock.move.product_uom_qty", 0.0),
            Map.entry("stock.warehouse.reception_steps", "one_step"),
            Map.entry("stock.warehouse.delivery_steps", "ship_only"),
            Map.entry("stock.warehouse.orderpoint.trigger", "auto"),
            Map.entry("stock.warehouse.orderpoint.qty_multiple", 1.0),
            Map.entry("stock.warehouse.orderpoint.product_min_qty", 0.0),
            Map.entry("stock.warehouse.orderpoint.product_max_qty", 0.0),
            Map.entry("sale.order.picking_policy", "direct"),
            Map.entry("sale.order.line.product_uom_qty", 1.0),
            Map.entry("sale.order.line.customer_lead", 0.0),
            Map.entry("sale.order.line.price_unit", 0.0),
            Map.entry("purchase.order.line.product_qty", 1.0),
            Map.entry("purchase.order.line.price_unit", 0.0),
            Map.entry("res.users.notification_type", "email"),
            Map.entry("mail.mail.state", "outgoing"),
            Map.entry("ir.attachment.type", "binary"),
            Map.entry("stock.location.usage", "internal"),
            Map.entry("ir.actions.server.state", "object_write"),
            Map.entry("ir.actions.server.type", "ir.actions.server"),
            Map.entry("ir.actions.server.usage", "ir_actions_server"),
            Map.entry("ir.actions.server.binding_type", "action"),
            Map.entry("ir.model.fields.state", "manual"));

    /** Datetime fields that default to the time of the transaction. */
    private static final Set<String> NOW = Set.of("stock.quant.in_date", "stock.move.date", "sale.order.date_order",
            "purchase.order.date_order");

    private static final Set<String> TRUE = Set.of("active", "sale_ok", "purchase_ok");
    private static final Set<String> FALSE = Set.of("is_storable", "is_company", "share", "auto_delete");

    private Defaults() {
    }

    /** Fills a new row with the defaults of {@code model}'s stored fields. */
    static void fill(ModelDef model, Object[] row, long nowMicros) {
        for (FieldDef field : model.fields()) {
            if (!field.inRow()) {
                continue;
            }
            String key = model.name() + "." + field.name();
            Object value = VALUES.get(key);
            if (value != null && field.type() == FieldType.SELECTION && !isChoice(field, value)) {
                value = null;
            }
            if (value == null && field.type() == FieldType.BOOLEAN) {
                value = TRUE.contains(field.name()) ? Boolean.TRUE : FALSE.contains(field.name()) ? Boolean.FALSE
                        : null;
            } else if (value == null && NOW.contains(key)) {
                value = nowMicros - Math.floorMod(nowMicros, OdooTime.MICROS_PER_SECOND);
            } else if (value == null && field.type() == FieldType.SELECTION && !field.selection().isEmpty()
                    && (field.required() || field.name().equals("state"))) {
                value = field.selection().get(0).get(0);
            }
            row[field.column()] = value;
        }
    }

    private static boolean isChoice(FieldDef field, Object value) {
        return field.selection().stream().anyMatch(pair -> pair.get(0).equals(value));
    }

    /**
     * Refuses a row that leaves a required field without a default empty.
     *
     * @throws OrmFault VALIDATION_ERROR with the text of the played version
     */
    static void checkRequired(Database db, ModelDef model, Object[] row) {
        Set<String> enforced = NO_DEFAULT.get(model.name());
        for (FieldDef field : model.fields()) {
            if (field.inRow() && field.required() && (enforced != null && enforced.contains(field.name())
                    || field.name().startsWith("x_")) && (field.column() >= row.length || row[field.column()] == null)) {
                throw new OrmFault(FaultKind.VALIDATION_ERROR, missingMessage(db.release(), model, field));
            }
        }
    }

    static String missingMessage(OdooRelease release, ModelDef model, FieldDef field) {
        if (release.major() >= 19) {
            return "The operation cannot be completed: Missing required value for the field '" + field.string()
                    + "' (" + field.name() + ").\nModel: '" + model.description() + "' (" + model.name() + ")\n"
                    + "- create/update: a mandatory field is not set\n"
                    + "- delete: another model requires the record being deleted, you can archive it instead\n";
        }
        return "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n"
                + "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
                + "Model: " + model.description() + " (" + model.name() + ")\nField: " + field.string() + " ("
                + field.name() + ")\n";
    }
}
