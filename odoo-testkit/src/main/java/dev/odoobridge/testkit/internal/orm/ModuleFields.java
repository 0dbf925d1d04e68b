package dev.odoobridge.testkit.internal.orm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields an optional module adds to the served models, so a release can be played with or without it: a
 * module installed on the recorded server but left out ({@code without}) takes its fields away; a module not
 * installed there but asked for ({@code modules}) brings them from the schema of a server that had it.
 */
final class ModuleFields {
    /**
     * One module's fields.
     *
     * @param module technical name
     * @param source the recorded version whose schema has the module's fields (with their attributes)
     * @param fields model to the fields the module adds there
     */
    record Owned(String module, String source, Map<String, List<String>> fields) {
    }

    private static final List<String> PRODUCT_EXPIRY_PRODUCT = List.of("use_expiration_date", "expiration_time",
            "use_time", "removal_time", "alert_time");

    /**
     * The table. product_expiry: {@code addons/product_expiry/models/} of Odoo 17.0/18.0 (production_lot.py,
     * product_product.py, stock_quant.py, stock_move.py), checked against the recorded 17.0 and 18.0 schemas
     * (which have product_expiry) and 19.0 (which has not).
     */
    static final List<Owned> TABLE = List.of(new Owned("product_expiry", "18.0", Map.of(
            "stock.lot", List.of("use_expiration_date", "expiration_date", "use_date", "removal_date", "alert_date",
                    "product_expiry_alert", "product_expiry_reminded"),
            "product.template", PRODUCT_EXPIRY_PRODUCT,
            "product.product", PRODUCT_EXPIRY_PRODUCT,
            "stock.quant", List.of("expiration_date", "removal_date", "use_expiration_date"),
            "stock.move", List.of("use_expiration_date"))));

    private ModuleFields() {
    }

    /** Adds or removes module fields in {@code schema} (model → field → attributes) so it fits {@code release}. */
    static void apply(OdooRelease release, Map<String, Map<String, Map<String, Object>>> schema) {
        var recorded = RecordedModules.of(release.version());
        for (Owned owned : TABLE) {
            boolean wanted = release.has(owned.module());
            boolean present = recorded.contains(owned.module());
            if (wanted == present) {
                continue;
            }
            owned.fields().forEach((model, names) -> {
                Map<String, Map<String, Object>> fields = schema.get(model);
                if (fields == null) {
                    return;
                }
                if (wanted) {
                    Map<String, Map<String, Object>> source = FieldsGetDump.recorded(owned.source(), model);
                    for (String name : names) {
                        fields.put(name, new LinkedHashMap<>(source.get(name)));
                    }
                } else {
                    names.forEach(fields::remove);
                }
            });
        }
    }
}
