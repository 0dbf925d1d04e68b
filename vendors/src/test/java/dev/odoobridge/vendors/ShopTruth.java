package dev.odoobridge.vendors;

import dev.odoobridge.testkit.FakeOdoo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a FakeOdoo store says, computed from its records without the read model: which products a
 * partner supplies, confirmed sales, on hand, thresholds and lots. The independent side of the
 * scoping and alert checks.
 */
public final class ShopTruth {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<Long, Set<Long>> productsByPartner = new HashMap<>();
    private final Map<Long, Double> confirmedSales = new HashMap<>();
    private final Map<Long, Double> onHand = new HashMap<>();
    private final Map<Long, Double> orderpointMin = new HashMap<>();
    private final Set<Long> activeProducts = new HashSet<>();
    private final Map<Long, Lot> lots = new TreeMap<>();

    /** A lot with its product, expiry and quantity in internal locations. */
    public record Lot(long id, String name, long productId, Instant expiration, double quantity) {
    }

    /** Reads everything it needs from {@code fake} (in process). */
    public ShopTruth(FakeOdoo fake) {
        Map<Long, Set<Long>> variants = new HashMap<>();
        for (Map<String, Object> p : fake.records("product.product", List.of("product_tmpl_id", "active", "is_storable"))) {
            long id = id(p.get("id"));
            variants.computeIfAbsent(ref(p.get("product_tmpl_id")), t -> new HashSet<>()).add(id);
            // services and consumables keep no stock: they sell, but have no stock status
            if (Boolean.TRUE.equals(p.get("active")) && Boolean.TRUE.equals(p.get("is_storable"))) {
                activeProducts.add(id);
            }
        }
        for (Map<String, Object> s : fake.records("product.supplierinfo",
                List.of("partner_id", "product_tmpl_id", "product_id"))) {
            Long partner = ref(s.get("partner_id"));
            Long product = ref(s.get("product_id"));
            if (partner == null) {
                continue;
            }
            Set<Long> supplied = productsByPartner.computeIfAbsent(partner, k -> new HashSet<>());
            if (product != null) {
                supplied.add(product);
            } else {
                supplied.addAll(variants.getOrDefault(ref(s.get("product_tmpl_id")), Set.of()));
            }
        }
        Set<Long> confirmedOrders = new HashSet<>();
        for (Map<String, Object> o : fake.records("sale.order", List.of("state"))) {
            if ("sale".equals(o.get("state")) || "done".equals(o.get("state"))) {
                confirmedOrders.add(id(o.get("id")));
            }
        }
        for (Map<String, Object> l : fake.records("sale.order.line",
                List.of("order_id", "product_id", "product_uom_qty"))) {
            if (confirmedOrders.contains(ref(l.get("order_id")))) {
                confirmedSales.merge(ref(l.get("product_id")), ((Number) l.get("product_uom_qty")).doubleValue(), Double::sum);
            }
        }
        Set<Long> internal = new HashSet<>();
        for (Map<String, Object> loc : fake.records("stock.location", List.of("usage"))) {
            if ("internal".equals(loc.get("usage"))) {
                internal.add(id(loc.get("id")));
            }
        }
        Map<Long, Double> lotQuantity = new HashMap<>();
        for (Map<String, Object> q : fake.records("stock.quant",
                List.of("product_id", "location_id", "lot_id", "quantity"))) {
            if (internal.contains(ref(q.get("location_id")))) {
                double qty = ((Number) q.get("quantity")).doubleValue();
                onHand.merge(ref(q.get("product_id")), qty, Double::sum);
                Long lot = ref(q.get("lot_id"));
                if (lot != null) {
                    lotQuantity.merge(lot, qty, Double::sum);
                }
            }
        }
        for (Map<String, Object> op : fake.records("stock.warehouse.orderpoint",
                List.of("product_id", "product_min_qty", "active"))) {
            if (!Boolean.FALSE.equals(op.get("active"))) {
                orderpointMin.merge(ref(op.get("product_id")), ((Number) op.get("product_min_qty")).doubleValue(), Double::sum);
            }
        }
        for (Map<String, Object> l : fake.records("stock.lot", List.of("name", "product_id", "expiration_date"))) {
            Object exp = l.get("expiration_date");
            long id = id(l.get("id"));
            lots.put(id, new Lot(id, (String) l.get("name"), ref(l.get("product_id")),
                    exp instanceof String s ? LocalDateTime.parse(s, WIRE).toInstant(ZoneOffset.UTC) : null,
                    lotQuantity.getOrDefault(id, 0.0)));
        }
    }

    /** The product.product ids having one of {@code partners} as a vendor in product.supplierinfo. */
    public Set<Long> productsOf(Set<Long> partners) {
        Set<Long> out = new HashSet<>();
        partners.forEach(p -> out.addAll(productsByPartner.getOrDefault(p, Set.of())));
        return out;
    }

    /** Every partner that supplies something. */
    public Set<Long> suppliers() {
        return productsByPartner.keySet();
    }

    /** Quantity sold of the products in confirmed (sale / done) orders, over the whole history. */
    public double confirmedSales(Set<Long> products) {
        return products.stream().mapToDouble(p -> confirmedSales.getOrDefault(p, 0.0)).sum();
    }

    /** Sum of the product's quants in internal locations. */
    public double onHand(long product) {
        return onHand.getOrDefault(product, 0.0);
    }

    /** The threshold: the sum of active reordering-rule minimums, else {@code fallback}. */
    public double threshold(long product, double fallback) {
        return orderpointMin.getOrDefault(product, fallback);
    }

    /** Whether the product is active and keeps stock (storable): the products with a stock status. */
    public boolean active(long product) {
        return activeProducts.contains(product);
    }

    /** Every lot. */
    public List<Lot> lots() {
        return List.copyOf(lots.values());
    }

    private static long id(Object v) {
        return ((Number) v).longValue();
    }

    private static Long ref(Object v) {
        return v instanceof List<?> l && !l.isEmpty() ? Long.valueOf(((Number) l.get(0)).longValue()) : null;
    }
}
