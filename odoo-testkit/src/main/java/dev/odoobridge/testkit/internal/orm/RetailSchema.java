package dev.odoobridge.testkit.internal.orm;

import dev.odoobridge.testkit.internal.orm.ModelDef.Naming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models FakeOdoo serves. Their fields are those of a real server of the played version (the recorded
 * {@code fields_get}, with the fields of optional modules added or removed per {@link ModuleFields}); the
 * behaviour FakeOdoo gives some of them (display and complete names, stock quantities, fields shared between a
 * product and its template) is declared here on top.
 */
final class RetailSchema {
    /**
     * A served model.
     *
     * @param name technical name
     * @param description its {@code _description}
     * @param naming how display names are formed
     * @param recName the field display names come from ({@link Naming#FIELD}), or null
     * @param restricted whether only administrators may create, write or unlink
     */
    record Spec(String name, String description, Naming naming, String recName, boolean restricted) {
    }

    /**
     * Models only some versions have. A product's extra barcodes: {@code product.packaging} on 17.0 and 18.0 (gone in
     * 19.0, see {@code odoo-recordings/fields_get/README.md}); {@code product.uom} on 19.0
     * ({@code product.product.product_uom_ids}).
     */
    private static final Map<String, Set<String>> ONLY_ON = Map.of(
            "product.packaging", Set.of("17.0", "18.0"),
            "product.uom", Set.of("19.0"));

    /**
     * Served schemas with no {@code fields_get} recording, written from Odoo's source instead: {@code product.uom}
     * of 19.0 from {@code addons/product/models/product_uom.py} (uom_id, product_id, barcode, company_id and the
     * bookkeeping fields; {@code _rec_name = 'barcode'}).
     */
    static final Set<String> FROM_SOURCE = Set.of("19.0/product.uom");

    private static final String AUTOMATION = "base.automation";
    private static final String AUTOMATION_MODULE = "base_automation";

    /** The served models, in the order ir.model lists them (base.automation only with base_automation). */
    static final List<Spec> MODELS = List.of(
            new Spec("res.company", "Companies", Naming.FIELD, "name", true),
            new Spec("res.partner", "Contact", Naming.PARTNER, "name", false),
            new Spec("res.users", "User", Naming.FIELD, "name", true),
            new Spec("product.category", "Product Category", Naming.COMPLETE, "complete_name", true),
            new Spec("product.template", "Product", Naming.PRODUCT, "name", false),
            new Spec("product.product", "Product Variant", Naming.PRODUCT, "name", false),
            new Spec("product.supplierinfo", "Supplier Pricelist", Naming.MODEL_ID, null, false),
            new Spec("product.packaging", "Product Packaging", Naming.FIELD, "name", false),
            new Spec("product.uom", "Link between products and their UoMs", Naming.FIELD, "barcode", false),
            new Spec("stock.warehouse", "Warehouse", Naming.FIELD, "name", true),
            new Spec("stock.location", "Inventory Locations", Naming.COMPLETE, "complete_name", true),
            new Spec("stock.lot", "Lot/Serial", Naming.FIELD, "name", false),
            new Spec("stock.quant", "Quants", Naming.MODEL_ID, null, false),
            new Spec("stock.move", "Stock Move", Naming.FIELD, "reference", false),
            new Spec("stock.warehouse.orderpoint", "Minimum Inventory Rule", Naming.FIELD, "name", false),
            new Spec("sale.order", "Sales Order", Naming.FIELD, "name", false),
            new Spec("sale.order.line", "Sales Order Line", Naming.FIELD, "name", false),
            new Spec("purchase.order", "Purchase Order", Naming.FIELD, "name", false),
            new Spec("purchase.order.line", "Purchase Order Line", Naming.FIELD, "name", false),
            new Spec("mail.mail", "Outgoing Mails", Naming.FIELD, "subject", false),
            new Spec("ir.attachment", "Attachment", Naming.FIELD, "name", false),
            new Spec("ir.model", "Models", Naming.FIELD, "name", true),
            new Spec("ir.model.fields", "Fields", Naming.FIELD, "field_description", true),
            new Spec("ir.actions.server", "Server Action", Naming.FIELD, "name", true),
            new Spec("base.automation", "Automation Rule", Naming.FIELD, "name", true));

    /**
     * Fields read and written through a many2one instead of being kept in the row: a single-variant product's
     * own fields live on its template, and an order line's stored related fields follow its order.
     */
    private static final Map<String, String> SHARED = Map.ofEntries(
            Map.entry("product.product.default_code", "product_tmpl_id.default_code"),
            Map.entry("product.product.barcode", "product_tmpl_id.barcode"),
            Map.entry("product.product.standard_price", "product_tmpl_id.standard_price"),
            Map.entry("product.product.active", "product_tmpl_id.active"),
            Map.entry("sale.order.line.state", "order_id.state"),
            Map.entry("sale.order.line.order_partner_id", "order_id.partner_id"),
            Map.entry("sale.order.line.salesman_id", "order_id.user_id"),
            Map.entry("sale.order.line.company_id", "order_id.company_id"),
            Map.entry("purchase.order.line.state", "order_id.state"),
            Map.entry("purchase.order.line.partner_id", "order_id.partner_id"),
            Map.entry("purchase.order.line.company_id", "order_id.company_id"));

    /**
     * Fields kept in the row although Odoo computes them: a single-variant product's template holds them, and an
     * attachment its content.
     */
    private static final Set<String> KEPT = Set.of("product.template.default_code", "product.template.barcode",
            "product.template.standard_price", "ir.attachment.datas");

    private static final Set<String> STOCK_QTY = Set.of("qty_available", "virtual_available", "incoming_qty",
            "outgoing_qty");

    private RetailSchema() {
    }

    /** Whether a server of {@code version} has the model at all (modules aside). */
    static boolean exists(String model, String version) {
        Set<String> versions = ONLY_ON.get(model);
        return versions == null || versions.contains(version);
    }

    /** The served models' fields as {@code release} has them: model → field → {@code fields_get} attributes. */
    static Map<String, Map<String, Map<String, Object>>> sources(OdooRelease release) {
        Map<String, Map<String, Map<String, Object>>> schema = new LinkedHashMap<>();
        for (Spec spec : MODELS) {
            if (spec.name().equals(AUTOMATION) && !release.has(AUTOMATION_MODULE)
                    || !exists(spec.name(), release.version())) {
                continue;
            }
            schema.put(spec.name(), FieldsGetDump.recorded(release.version(), spec.name()));
        }
        ModuleFields.apply(release, schema);
        if (!release.has(AUTOMATION_MODULE)) {
            withoutAutomation(schema.get("ir.actions.server"));
        }
        return schema;
    }

    /**
     * Without base_automation there is no {@code base.automation}; its server-action link
     * ({@code base_automation_id}) and usage value ({@code 'base_automation'}) go too. The webhook state of
     * server actions stays: it belongs to base ({@code odoo/addons/base/models/ir_actions.py}).
     */
    private static void withoutAutomation(Map<String, Map<String, Object>> actions) {
        actions.remove("base_automation_id");
        Map<String, Object> usage = actions.get("usage");
        if (usage != null && usage.get("selection") instanceof List<?> values) {
            Map<String, Object> narrowed = new LinkedHashMap<>(usage);
            narrowed.put("selection", values.stream().filter(v -> !(v instanceof List<?> pair && !pair.isEmpty()
                    && AUTOMATION_MODULE.equals(pair.get(0)))).toList());
            actions.put("usage", narrowed);
        }
    }

    /** A fresh, mutable schema of {@code release} (custom fields are added per ORM instance). */
    static Map<String, ModelDef> create(OdooRelease release) {
        return create(release, Map.of());
    }

    /**
     * A fresh, mutable schema of {@code release} plus a user's own saved {@code fields_get}: fields the served
     * models lack (custom {@code x_} fields, fields of other modules) are added, unknown models are served too.
     */
    static Map<String, ModelDef> create(OdooRelease release, Map<String, Map<String, Map<String, Object>>> own) {
        Map<String, Map<String, Map<String, Object>>> schema = sources(release);
        Map<String, Spec> specs = new LinkedHashMap<>();
        MODELS.stream().filter(spec -> schema.containsKey(spec.name())).forEach(spec -> specs.put(spec.name(), spec));
        own.forEach((model, fields) -> {
            Map<String, Map<String, Object>> served = schema.computeIfAbsent(model, m -> new LinkedHashMap<>());
            fields.forEach(served::putIfAbsent);
            specs.computeIfAbsent(model, m -> new Spec(m, m, fields.containsKey("name") ? Naming.FIELD
                    : Naming.MODEL_ID, fields.containsKey("name") ? "name" : null, false));
        });
        SchemaBuilder builder = new SchemaBuilder(schema);
        Map<String, ModelDef> models = new LinkedHashMap<>();
        specs.values().forEach(spec -> {
            ModelDef model = new ModelDef(spec.name(), spec.description(), spec.naming(), spec.recName(),
                    spec.restricted());
            schema.get(spec.name()).forEach((name, attrs) -> model.add(behaviour(spec.name(),
                    builder.field(spec.name(), name, attrs))));
            models.put(spec.name(), model);
        });
        emptyInversesOfUnstoredFields(models);
        return models;
    }

    /**
     * A one2many whose inverse many2one is not kept in the comodel's row (it reads through the comodel's own
     * parent, like purchase.order.line.partner_id) cannot be looked up by that many2one: it reads as empty.
     */
    private static void emptyInversesOfUnstoredFields(Map<String, ModelDef> models) {
        for (ModelDef model : models.values()) {
            for (FieldDef field : List.copyOf(model.fields())) {
                if (field.compute() == Compute.INVERSE) {
                    FieldDef inverse = models.get(field.relation()).field(field.inverse());
                    if (!inverse.inRow()) {
                        model.add(field.withCompute(Compute.EMPTY, null));
                    }
                }
            }
        }
    }

    private static FieldDef behaviour(String model, FieldDef field) {
        String key = model + "." + field.name();
        if (SHARED.containsKey(key)) {
            return field.withCompute(Compute.RELATED, SHARED.get(key));
        }
        if (KEPT.contains(key) || isInheritedFromMessage(model, field)) {
            return field.withCompute(Compute.STORED, null);
        }
        if (model.equals("product.product") && STOCK_QTY.contains(field.name())) {
            return field.withCompute(Compute.STOCK_QTY, null);
        }
        if (field.name().equals("complete_name") && (model.equals("res.partner") || model.equals("product.category")
                || model.equals("stock.location"))) {
            return field.withCompute(Compute.COMPLETE_NAME, null);
        }
        return field;
    }

    /**
     * mail.mail inherits mail.message ({@code _inherits}): subject, body, model, res_id, attachments and so on
     * live on the message. mail.message is not served, so each mail keeps them in its own row.
     */
    private static boolean isInheritedFromMessage(String model, FieldDef field) {
        return model.equals("mail.mail") && field.attributes().get("related") instanceof String path
                && path.startsWith("mail_message_id.") && path.indexOf('.', "mail_message_id.".length()) < 0;
    }
}
