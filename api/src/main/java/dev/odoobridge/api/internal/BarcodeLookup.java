package dev.odoobridge.api.internal;

import com.mongodb.client.model.Filters;
import dev.odoobridge.api.barcode.ExternalLookupException;
import dev.odoobridge.api.barcode.ExternalProduct;
import dev.odoobridge.api.barcode.ExternalProducts;
import dev.odoobridge.api.barcode.Gs1;
import dev.odoobridge.api.barcode.Gtin;
import dev.odoobridge.api.barcode.Nomenclature;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code barcode/{code}}: GS1-128 first, then the nomenclature's weight / price / discount rules (first
 * matching rule wins, as in Odoo), then product barcodes in every GTIN form, then packaging and unit barcodes
 * (where the read model holds {@code product.packaging} or {@code product.uom}), then lot names, then the
 * external catalogue. The answer's {@code source} says which one: {@code inventory}, {@code lot},
 * {@code nomenclature} or {@code external}.
 */
final class BarcodeLookup {
    private static final Set<String> VALUE_TYPES = Set.of("weight", "price", "discount");
    private static final String PACKAGING = "product_packaging";
    /** The collections of a product's extra barcodes: packagings (Odoo 17.0 / 18.0), unit barcodes (19.0). */
    private static final List<String> UNIT_BARCODES = List.of(PACKAGING, "product_uom");

    private final Store store;
    private final Nomenclature nomenclature;
    private final Optional<ExternalProducts> external;
    private final Clock clock;
    private final ZoneId zone;

    BarcodeLookup(Store store, Nomenclature nomenclature, Optional<ExternalProducts> external, Clock clock, ZoneId zone) {
        this.store = store;
        this.nomenclature = nomenclature;
        this.external = external;
        this.clock = clock;
        this.zone = zone;
    }

    Object lookup(Ctx ctx) {
        String raw = ctx.path().containsKey("code") ? ctx.path().get("code")
                : ctx.param("code").orElseThrow(() -> ApiError.badRequest("give the scanned code as code="));
        String code = raw.trim();
        if (code.isEmpty() || code.length() > 200) {
            throw ApiError.badRequest("a barcode is 1 to 200 characters");
        }
        if (Gs1.looksLikeGs1(code)) {
            Optional<Gs1.Data> gs1 = Gs1.parse(code);
            if (gs1.isPresent()) {
                return fromGs1(ctx, code, gs1.get());
            }
            if (code.indexOf(Gs1.GS) >= 0 || code.startsWith("]C1") || code.startsWith("(")) {
                throw new ApiError(422, "Unprocessable Content", "not a valid GS1 element string (unknown AI, wrong "
                        + "length or GTIN check digit): " + printable(code));
            }
        }
        Optional<Nomenclature.Match> m = nomenclature.parse(code);
        if (m.isPresent() && VALUE_TYPES.contains(m.get().type())) {
            Optional<Document> p = product(ctx, List.of(m.get().baseCode()));
            if (p.isPresent()) {
                Map<String, Object> out = answer("nomenclature", code, p.get());
                out.put("rule", m.get().rule().name());
                switch (m.get().type()) {
                    case "weight" -> out.put("quantity", m.get().value());
                    case "price" -> out.put("price", m.get().value());
                    default -> out.put("discount", m.get().value());
                }
                return out;
            }
        }
        List<String> forms = new ArrayList<>(Gtin.equivalents(code));
        if (forms.isEmpty()) {
            forms.add(code);
        }
        Optional<Document> p = product(ctx, forms);
        if (p.isPresent()) {
            return answer("inventory", code, p.get());
        }
        Optional<Map<String, Object>> unit = unitBarcode(ctx, code, forms);
        if (unit.isPresent()) {
            return unit.get();
        }
        Optional<Map<String, Object>> lot = lotByName(ctx, code, null);
        if (lot.isPresent()) {
            return lot.get();
        }
        if (Gtin.hasGtinShape(code) && !Gtin.isValid(code)) {
            throw new ApiError(422, "Unprocessable Content", "wrong check digit: " + code + " should end in "
                    + Gtin.checkDigit(code.substring(0, code.length() - 1)));
        }
        if (external.isPresent() && Gtin.isValid(code)) {
            try {
                Optional<ExternalProduct> e = external.get().lookup(code);
                if (e.isPresent()) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("source", "external");
                    out.put("code", code);
                    out.put("product", e.get());
                    return out;
                }
            } catch (ExternalLookupException e) {
                throw new ApiError(503, "Service Unavailable", "not in the shop's data, and the external catalogue "
                        + "could not be asked: " + e.getMessage());
            }
        }
        throw ApiError.notFound("no product or lot with barcode " + printable(code));
    }

    private Object fromGs1(Ctx ctx, String code, Gs1.Data d) {
        Optional<Document> product = d.gtin().flatMap(g -> product(ctx, Gtin.equivalents(g)));
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (d.lot().isPresent()) {
            Optional<Map<String, Object>> lot = lotByName(ctx, d.lot().get(), product.map(p -> Store.asLong(p.get("_odoo_id"))).orElse(null));
            if (lot.isPresent()) {
                Map<String, Object> out = lot.get();
                out.put("code", code);
                d.expiry(today).ifPresent(e -> out.put("expiry", e));
                d.netWeightKg().ifPresent(w -> out.put("quantity", w));
                d.gtin().ifPresent(g -> out.put("gtin", g));
                return out;
            }
        }
        Optional<Map<String, Object>> unit = product.isPresent() || d.gtin().isEmpty() ? Optional.empty()
                : unitBarcode(ctx, code, Gtin.equivalents(d.gtin().get()));
        if (product.isEmpty() && unit.isEmpty()) {
            throw ApiError.notFound("no product with GTIN " + d.gtin().orElse("(none in the code)"));
        }
        Map<String, Object> out = unit.isPresent() ? unit.get() : answer("inventory", code, product.get());
        d.gtin().ifPresent(g -> out.put("gtin", g));
        d.lot().ifPresent(l -> out.put("lot", Map.of("name", l)));
        d.expiry(today).ifPresent(e -> out.put("expiry", e));
        d.netWeightKg().ifPresent(w -> out.put("quantity", w));
        d.price().ifPresent(pr -> out.put("price", pr));
        return out;
    }

    /**
     * The product with one of the barcodes (tried in turn, each an equality the ({@code _source}, {@code barcode})
     * index answers, where an {@code $in} would scan on the embedded store).
     */
    private Optional<Document> product(Ctx ctx, List<String> barcodes) {
        for (String barcode : barcodes) {
            List<Bson> and = store.scopeStage(Catalog.PRODUCTS, ctx);
            and.add(Filters.eq("barcode", barcode));
            Document found = store.first("product_product", Filters.and(and));
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /**
     * A packaging or unit barcode of a product: {@code product.packaging} (Odoo 17.0 / 18.0; the answer's
     * {@code quantity} is the packaging's contained quantity) or {@code product.uom} (19.0; the answer names the
     * unit). Only for a product the key may see.
     */
    private Optional<Map<String, Object>> unitBarcode(Ctx ctx, String code, List<String> forms) {
        for (String collection : UNIT_BARCODES) {
            for (String barcode : forms) {
                Document unit = store.first(collection, Filters.and(Filters.eq("_source", ctx.source()),
                        Filters.eq("barcode", barcode)));
                if (unit == null || !(unit.get("product_id") instanceof Document ref) || ref.get("id") == null) {
                    continue;
                }
                List<Bson> scoped = store.scopeStage(Catalog.PRODUCTS, ctx);
                scoped.add(Filters.eq("_odoo_id", Store.asLong(ref.get("id"))));
                Document product = store.first("product_product", Filters.and(scoped));
                if (product == null) {
                    continue;
                }
                Map<String, Object> out = answer("inventory", code, product);
                Map<String, Object> packaging = new LinkedHashMap<>();
                packaging.put("model", collection.equals(PACKAGING) ? "product.packaging" : "product.uom");
                packaging.put("id", unit.get("_odoo_id"));
                packaging.put("barcode", unit.get("barcode"));
                if (unit.get("name") != null) {
                    packaging.put("name", unit.get("name"));
                }
                Object uom = unit.get(collection.equals(PACKAGING) ? "product_uom_id" : "uom_id");
                if (uom != null) {
                    packaging.put("uom", uom);
                    out.put("uom", uom);
                }
                if (unit.get("qty") instanceof Number qty) {
                    packaging.put("quantity", qty.doubleValue());
                    out.put("quantity", qty.doubleValue());
                }
                out.put("packaging", packaging);
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    private Optional<Map<String, Object>> lotByName(Ctx ctx, String name, Long productId) {
        List<Bson> and = store.scopeStage(Catalog.LOTS, ctx);
        and.add(Filters.eq("name", name));
        if (productId != null) {
            and.add(Filters.eq("product_id", productId));
        }
        Document lot = store.first(Store.LOT_STOCK, Filters.and(and));
        if (lot == null) {
            return Optional.empty();
        }
        long pid = Store.asLong(lot.get("product_id"));
        List<Bson> p = store.scopeStage(Catalog.PRODUCTS, ctx);
        p.add(Filters.eq("_odoo_id", pid));
        Document product = store.first("product_product", Filters.and(p));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", "lot");
        out.put("code", name);
        out.put("product", product == null ? Map.of("id", pid, "name", String.valueOf(lot.get("product_name")))
                : Store.render(product, "_odoo_id", Set.of()));
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("id", lot.get("lot_id"));
        l.put("name", lot.get("name"));
        l.put("quantity", lot.get("quantity"));
        l.put("expiration_date", lot.get("expiration_date"));
        out.put("lot", l);
        if (lot.get("expiration_date") != null) {
            out.put("expiry", lot.get("expiration_date"));
        }
        return Optional.of(out);
    }

    private static Map<String, Object> answer(String source, String code, Document product) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source);
        out.put("code", code);
        out.put("product", Store.render(product, "_odoo_id", Set.of()));
        return out;
    }

    private static String printable(String code) {
        return code.replace(Gs1.GS, '|');
    }
}
