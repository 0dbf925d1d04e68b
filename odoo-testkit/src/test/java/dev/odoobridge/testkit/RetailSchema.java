package dev.odoobridge.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The retail data model (field name → kind) of a real Odoo server of one version, read from the recorded schemas
 * FakeOdoo ships, as the generator may write it.
 */
final class RetailSchema {

    /** A field's type: {@code kind} is char/bool/int/float/date/datetime/selection/m2o/x2m/other. */
    record Field(String kind, String target, Set<String> choices) {
    }

    private static final List<String> MODELS = List.of("res.company", "res.partner", "res.users", "product.category",
            "product.template", "product.product", "product.supplierinfo", "stock.warehouse", "stock.location",
            "stock.lot", "stock.quant", "stock.move", "stock.warehouse.orderpoint", "sale.order", "sale.order.line",
            "purchase.order", "purchase.order.line");
    private static final List<String> EXPIRY_DATES = List.of("expiration_date", "use_date", "removal_date",
            "alert_date");

    private RetailSchema() {
    }

    /** Fields per model of {@code version}, with or without product_expiry's lot dates. */
    static Map<String, Map<String, Field>> models(String version, boolean productExpiry) {
        Map<String, Map<String, Field>> out = new HashMap<>();
        for (String model : MODELS) {
            Map<String, Map<String, Object>> dump = dump(version, model);
            if (model.equals("stock.lot")) {
                if (productExpiry && !dump.containsKey("expiration_date")) {
                    dump.put("expiration_date", dump("18.0", model).get("expiration_date"));
                } else if (!productExpiry) {
                    EXPIRY_DATES.forEach(dump::remove);
                }
            }
            Map<String, Field> fields = new HashMap<>();
            dump.forEach((name, attrs) -> fields.put(name, field(attrs)));
            out.put(model, fields);
        }
        return out;
    }

    private static Field field(Map<String, Object> attrs) {
        String type = String.valueOf(attrs.get("type"));
        String relation = attrs.get("relation") instanceof String r ? r : null;
        return switch (type) {
            case "char", "text", "html" -> new Field("char", null, Set.of());
            case "boolean" -> new Field("bool", null, Set.of());
            case "integer" -> new Field("int", null, Set.of());
            case "float", "monetary" -> new Field("float", null, Set.of());
            case "date", "datetime" -> new Field(type, null, Set.of());
            case "selection" -> {
                Set<String> choices = new TreeSet<>();
                ((List<?>) attrs.get("selection")).forEach(pair -> choices.add(String.valueOf(((List<?>) pair).get(0))));
                yield new Field("selection", null, choices);
            }
            case "many2one" -> new Field("m2o", relation, Set.of());
            case "one2many", "many2many" -> new Field("x2m", relation, Set.of());
            default -> new Field("other", null, Set.of());
        };
    }

    private static Map<String, Map<String, Object>> dump(String version, String model) {
        String resource = "/dev/odoobridge/testkit/schema/" + version + "/" + model + ".json";
        try (InputStream in = RetailSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no recorded schema " + resource);
            }
            return new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, Map<String, Object>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
