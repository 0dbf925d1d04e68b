package dev.odoobridge.readmodel.internal;

import static dev.odoobridge.readmodel.internal.StockAggregations.asDouble;
import static dev.odoobridge.readmodel.internal.StockAggregations.asLong;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.odoobridge.readmodel.StockOptions;
import dev.odoobridge.readmodel.StorableProducts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Rebuilds the {@code product_stock} documents of a batch of products from the projected
 * collections, reading only the documents of those products, found through the {@link ReferenceIndex}
 * and fetched by {@code _id} (a few queries per batch, each served by the primary index): on hand and reserved from
 * quants in internal locations, incoming from confirmed / assigned moves into internal locations
 * from outside, reordering-rule minimums, supplier infos (by product or by template), per warehouse.
 */
final class ProductStockBuilder {
    private static final List<String> INCOMING_STATES = List.of("confirmed", "assigned");
    /**
     * Field of {@code product_stock}: quantity delivered per UTC day (days with deliveries only), over the last
     * {@value #DELIVERED_DAYS} days of the clock at build time and any later day, packed as {@link DeliveredDaily}
     * says (views built before it keep a {@code yyyy-MM-dd} to quantity document, still read).
     */
    static final String DELIVERED_DAILY = "delivered_daily";
    /** Field of {@code product_stock}: the first day (yyyy-MM-dd) {@link #DELIVERED_DAILY} is complete from. */
    static final String DELIVERED_SINCE = "delivered_since";
    /** Days of deliveries a {@code product_stock} document keeps; longer velocity windows read the moves. */
    static final int DELIVERED_DAYS = 400;

    private final MongoDatabase db;
    private final Names names;
    private final StockOptions options;
    private final Clock clock;
    private final ReferenceIndex refs;
    private final KeyedWrites writes;
    private final KeyReads reads;

    ProductStockBuilder(MongoDatabase db, Names names, StockOptions options, Clock clock, ReferenceIndex refs,
                        KeyedWrites writes, KeyReads reads) {
        this.reads = reads;
        this.refs = refs;
        this.writes = writes;
        this.db = db;
        this.names = names;
        this.options = options;
        this.clock = clock;
    }

    /**
     * Rebuilds the products' stock documents; {@code known} holds product documents as just written (by Odoo
     * id), which are not read back.
     */
    void rebuild(ChangeBatch batch, String source, List<Long> productIds, Map<Long, Document> known) {
        Map<Long, Document> products = new HashMap<>();
        List<Long> unknown = new ArrayList<>(productIds.size());
        for (Long pid : productIds) {
            Document k = known.get(pid);
            if (k != null) {
                products.put(pid, k);
            } else {
                unknown.add(pid);
            }
        }
        reads.find(db.getCollection(names.of("product.product")), DocumentMapper.keys(source, unknown), null,
                p -> products.put(asLong(p.get("_odoo_id")), p));
        Map<Long, Map<Long, Document>> warehouses = new HashMap<>();
        quants(source, productIds, warehouses);
        Map<Long, Map<String, Double>> delivered = new HashMap<>();
        moves(source, productIds, warehouses, delivered);
        Map<Long, Double> minimums = orderpoints(source, productIds, warehouses);
        Map<Long, List<Document>> vendors = vendors(source, productIds, products);

        Date now = Date.from(clock.instant());
        LocalDate since = LocalDate.parse(oldestDelivered());
        Map<String, Document> wanted = new LinkedHashMap<>();
        for (Long pid : productIds) {
            Document product = products.get(pid);
            Map<Long, Document> perWarehouse = warehouses.getOrDefault(pid, Map.of());
            String key = DocumentMapper.key(source, pid);
            wanted.put(key, product == null && perWarehouse.isEmpty() ? null
                    : compose(source, pid, product, perWarehouse, minimums.get(pid), vendors.getOrDefault(pid, List.of()), now)
                    .append(DELIVERED_DAILY, DeliveredDaily.pack(since, new TreeMap<>(delivered.getOrDefault(pid, Map.of()))))
                    .append(DELIVERED_SINCE, since.toString()));
        }
        writes.write(batch, db.getCollection(Names.PRODUCT_STOCK), wanted, "_updated_at");
    }

    private Document compose(String source, long pid, Document product, Map<Long, Document> perWarehouse, Double minimum,
                             List<Document> vendors, Date now) {
        double onHand = 0;
        double reserved = 0;
        double incoming = 0;
        List<Document> breakdown = new ArrayList<>();
        for (Document w : new TreeMap<>(perWarehouse).values()) {
            onHand += asDouble(w.get("on_hand"));
            reserved += asDouble(w.get("reserved"));
            incoming += asDouble(w.get("incoming"));
            breakdown.add(w);
        }
        double threshold;
        String thresholdFrom;
        Object fieldValue = product == null || options.thresholdField() == null ? null : product.get(options.thresholdField());
        if (minimum != null) {
            threshold = minimum;
            thresholdFrom = "orderpoint";
        } else if (fieldValue instanceof Number n) {
            threshold = n.doubleValue();
            thresholdFrom = "field";
        } else {
            threshold = options.defaultThreshold();
            thresholdFrom = "default";
        }
        Set<Long> vendorIds = new LinkedHashSet<>();
        vendors.forEach(v -> vendorIds.add(asLong(v.get("partner_id"))));
        Document d = new Document("_id", DocumentMapper.key(source, pid)).append("_source", source).append("product_id", pid);
        d.append("product_tmpl_id", product == null ? null : StockAggregations.refId(product, "product_tmpl_id"))
                .append("name", product == null ? null : firstNonNull(product.getString("display_name"), product.getString("name")))
                .append("default_code", product == null ? null : product.getString("default_code"))
                .append("barcode", product == null ? null : product.getString("barcode"))
                .append("active", product == null || !Boolean.FALSE.equals(product.get("active")))
                .append(StorableProducts.FIELD, product == null ? null : product.get(StorableProducts.FIELD))
                .append("on_hand", onHand).append("reserved", reserved).append("available", onHand - reserved)
                .append("incoming", incoming).append("threshold", threshold).append("threshold_from", thresholdFrom)
                .append("warehouses", breakdown).append("vendors", vendors).append("vendor_ids", new ArrayList<>(vendorIds))
                .append("_updated_at", now);
        return d;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private void quants(String source, List<Long> pids, Map<Long, Map<Long, Document>> out) {
        List<Document> quants = refs.documents(source, "stock.quant", names.of("stock.quant"), "product_id", pids,
                List.of("location_id", "quantity", "reserved_quantity"));
        Map<Long, Document> locations = locations(source, quants, "location_id");
        for (Document q : quants) {
            Document loc = locations.get(StockAggregations.refId(q, "location_id"));
            if (loc != null && "internal".equals(loc.get("usage"))) {
                Document w = slot(out, StockAggregations.refId(q, "product_id"), loc.get("warehouse_id"));
                w.put("on_hand", asDouble(w.get("on_hand")) + asDouble(q.get("quantity")));
                w.put("reserved", asDouble(w.get("reserved")) + asDouble(q.get("reserved_quantity")));
            }
        }
    }

    /**
     * Incoming quantities per warehouse (confirmed / assigned moves into internal locations from outside) and the
     * quantities delivered per UTC day ({@value #DELIVERED_DAYS} days back from the clock's today, later days too):
     * done moves from an internal to a customer location, {@code quantity} or else {@code product_uom_qty}, the
     * rule of the sales velocity report.
     */
    private void moves(String source, List<Long> pids, Map<Long, Map<Long, Document>> out,
                       Map<Long, Map<String, Double>> delivered) {
        List<Document> moves = new ArrayList<>();
        for (Document m : refs.documents(source, "stock.move", names.of("stock.move"), "product_id", pids,
                List.of("state", "location_id", "location_dest_id", "product_uom_qty", "quantity", "date"))) {
            if (INCOMING_STATES.contains(m.get("state")) || "done".equals(m.get("state"))) {
                moves.add(m);
            }
        }
        Map<Long, Document> locations = locations(source, moves, "location_id");
        locations.putAll(locations(source, moves, "location_dest_id"));
        String oldest = oldestDelivered();
        for (Document m : moves) {
            Document to = locations.get(StockAggregations.refId(m, "location_dest_id"));
            Document from = locations.get(StockAggregations.refId(m, "location_id"));
            if ("done".equals(m.get("state"))) {
                String day = utcDay(m.get("date"));
                if (day != null && day.compareTo(oldest) >= 0 && from != null && "internal".equals(from.get("usage"))
                        && to != null && "customer".equals(to.get("usage"))) {
                    Object q = m.get("quantity") != null ? m.get("quantity") : m.get("product_uom_qty");
                    delivered.computeIfAbsent(StockAggregations.refId(m, "product_id"), x -> new TreeMap<>())
                            .merge(day, asDouble(q), Double::sum);
                }
            } else if (to != null && "internal".equals(to.get("usage"))
                    && (from == null || !"internal".equals(from.get("usage")))) {
                Document w = slot(out, StockAggregations.refId(m, "product_id"), to.get("warehouse_id"));
                w.put("incoming", asDouble(w.get("incoming")) + asDouble(m.get("product_uom_qty")));
            }
        }
    }

    private String oldestDelivered() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(DELIVERED_DAYS - 1L).toString();
    }

    /** The UTC day ({@code yyyy-MM-dd}) of a stored datetime, or null when it is not one. */
    static String utcDay(Object date) {
        if (date instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        return null;
    }

    private Map<Long, Double> orderpoints(String source, List<Long> pids, Map<Long, Map<Long, Document>> out) {
        Map<Long, Double> minimums = new HashMap<>();
        for (Document op : refs.documents(source, "stock.warehouse.orderpoint", names.of("stock.warehouse.orderpoint"),
                "product_id", pids, List.of("active", "product_min_qty", "warehouse_id"))) {
            if (Boolean.FALSE.equals(op.get("active"))) {
                continue;
            }
            Long pid = StockAggregations.refId(op, "product_id");
            Document w = slot(out, pid, op.get("warehouse_id"));
            w.put("min_qty", asDouble(w.get("min_qty")) + asDouble(op.get("product_min_qty")));
            minimums.merge(pid, asDouble(op.get("product_min_qty")), Double::sum);
        }
        return minimums;
    }

    private Map<Long, List<Document>> vendors(String source, List<Long> pids, Map<Long, Document> products) {
        Map<Long, List<Long>> byTemplate = new HashMap<>();
        products.forEach((pid, doc) -> {
            Long tmpl = StockAggregations.refId(doc, "product_tmpl_id");
            if (tmpl != null) {
                byTemplate.computeIfAbsent(tmpl, t -> new ArrayList<>()).add(pid);
            }
        });
        String collection = names.of("product.supplierinfo");
        List<String> fields = List.of("partner_id", "min_qty", "price", "product_code", "delay", "product_id", "product_tmpl_id");
        Map<Long, Document> infos = new TreeMap<>();
        for (Document si : refs.documents(source, "product.supplierinfo", collection, "product_id", pids, fields)) {
            infos.put(asLong(si.get("_odoo_id")), si);
        }
        for (Document si : refs.documents(source, "product.supplierinfo", collection, "product_tmpl_id", byTemplate.keySet(),
                fields)) {
            if (si.get("product_id") == null) {
                infos.put(asLong(si.get("_odoo_id")), si);
            }
        }
        Map<Long, List<Document>> out = new HashMap<>();
        for (Document si : infos.values()) {
            Long partner = StockAggregations.refId(si, "partner_id");
            if (partner == null) {
                continue;
            }
            Document v = new Document("partner_id", partner).append("name", StockAggregations.refName(si, "partner_id"))
                    .append("min_qty", asDouble(si.get("min_qty"))).append("price", asDouble(si.get("price")))
                    .append("product_code", si.get("product_code")).append("delay", si.get("delay"))
                    .append("supplierinfo_id", si.get("_odoo_id"));
            Long product = StockAggregations.refId(si, "product_id");
            List<Long> targets = product != null ? List.of(product)
                    : byTemplate.getOrDefault(StockAggregations.refId(si, "product_tmpl_id"), List.of());
            for (Long t : targets) {
                out.computeIfAbsent(t, x -> new ArrayList<>()).add(v);
            }
        }
        return out;
    }

    /** The stored stock.location documents the documents' many2one {@code field} points at, by Odoo id. */
    private Map<Long, Document> locations(String source, List<Document> docs, String field) {
        Set<String> keys = new HashSet<>();
        for (Document d : docs) {
            Long id = StockAggregations.refId(d, field);
            if (id != null) {
                keys.add(DocumentMapper.key(source, id));
            }
        }
        Map<Long, Document> out = new HashMap<>();
        if (!keys.isEmpty()) {
            reads.find(db.getCollection(names.of("stock.location")), keys, List.of("_odoo_id", "usage", "warehouse_id"),
                    l -> out.put(asLong(l.get("_odoo_id")), l));
        }
        return out;
    }

    private static Document slot(Map<Long, Map<Long, Document>> out, long pid, Object warehouse) {
        long wid = warehouse instanceof Document w ? asLong(w.get("id")) : 0L;
        String wname = warehouse instanceof Document w ? w.getString("name") : null;
        return out.computeIfAbsent(pid, x -> new HashMap<>()).computeIfAbsent(wid, x -> new Document("warehouse_id",
                wid == 0 ? null : wid).append("warehouse_name", wname)
                .append("on_hand", 0.0).append("reserved", 0.0).append("incoming", 0.0).append("min_qty", 0.0));
    }
}
