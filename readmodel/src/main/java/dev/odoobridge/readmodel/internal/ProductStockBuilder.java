package dev.odoobridge.readmodel.internal;

import static dev.odoobridge.readmodel.internal.StockAggregations.asDouble;
import static dev.odoobridge.readmodel.internal.StockAggregations.asLong;
import static dev.odoobridge.readmodel.internal.StockAggregations.in;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.odoobridge.readmodel.StockOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Rebuilds the {@code product_stock} documents of a batch of products from the projected
 * collections, with aggregations in MongoDB limited to those products: on hand and reserved from
 * quants in internal locations, incoming from confirmed / assigned moves into internal locations
 * from outside, reordering-rule minimums, supplier infos (by product or by template), per warehouse.
 */
final class ProductStockBuilder {
    private static final List<String> INCOMING_STATES = List.of("confirmed", "assigned");

    private final MongoDatabase db;
    private final Names names;
    private final StockOptions options;
    private final Clock clock;

    ProductStockBuilder(MongoDatabase db, Names names, StockOptions options, Clock clock) {
        this.db = db;
        this.names = names;
        this.options = options;
        this.clock = clock;
    }

    void rebuild(String source, List<Long> productIds) {
        Map<Long, Document> products = new HashMap<>();
        List<String> keys = productIds.stream().map(id -> DocumentMapper.key(source, id)).toList();
        for (Document p : db.getCollection(names.of("product.product")).find(Filters.in("_id", keys))) {
            products.put(asLong(p.get("_odoo_id")), p);
        }
        Map<Long, Map<Long, Document>> warehouses = new HashMap<>();
        quants(source, productIds, warehouses);
        incoming(source, productIds, warehouses);
        Map<Long, Double> minimums = orderpoints(source, productIds, warehouses);
        Map<Long, List<Document>> vendors = vendors(source, productIds, products);

        Date now = Date.from(clock.instant());
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Long pid : productIds) {
            Document product = products.get(pid);
            Map<Long, Document> perWarehouse = warehouses.getOrDefault(pid, Map.of());
            String key = DocumentMapper.key(source, pid);
            if (product == null && perWarehouse.isEmpty()) {
                writes.add(new DeleteOneModel<>(Filters.eq("_id", key)));
                continue;
            }
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", key),
                    compose(source, pid, product, perWarehouse, minimums.get(pid), vendors.getOrDefault(pid, List.of()), now),
                    new ReplaceOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            db.getCollection(Names.PRODUCT_STOCK).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
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
        List<Bson> p = new ArrayList<>();
        p.add(new Document("$match", new Document("_source", source).append("product_id.id", new Document("$in", pids))));
        p.addAll(StockAggregations.joinRef(names.of("stock.location"), "location_id", "_loc", false));
        p.add(new Document("$match", new Document("_loc.usage", "internal")));
        p.add(group("$quantity", "$reserved_quantity", "$_loc.warehouse_id"));
        for (Document g : db.getCollection(names.of("stock.quant")).aggregate(p)) {
            Document w = slot(out, g);
            w.put("on_hand", asDouble(w.get("on_hand")) + asDouble(g.get("a")));
            w.put("reserved", asDouble(w.get("reserved")) + asDouble(g.get("b")));
        }
    }

    private void incoming(String source, List<Long> pids, Map<Long, Map<Long, Document>> out) {
        String locations = names.of("stock.location");
        List<Bson> p = new ArrayList<>();
        p.add(new Document("$match", new Document("_source", source).append("product_id.id", new Document("$in", pids))
                .append("state", new Document("$in", INCOMING_STATES))));
        p.addAll(StockAggregations.joinRef(locations, "location_dest_id", "_loc", false));
        p.add(new Document("$match", new Document("_loc.usage", "internal")));
        p.addAll(StockAggregations.joinRef(locations, "location_id", "_from", true));
        p.add(new Document("$match", new Document("_from.usage", new Document("$ne", "internal"))));
        p.add(group("$product_uom_qty", 0, "$_loc.warehouse_id"));
        for (Document g : db.getCollection(names.of("stock.move")).aggregate(p)) {
            Document w = slot(out, g);
            w.put("incoming", asDouble(w.get("incoming")) + asDouble(g.get("a")));
        }
    }

    private Map<Long, Double> orderpoints(String source, List<Long> pids, Map<Long, Map<Long, Document>> out) {
        List<Bson> p = List.of(
                new Document("$match", new Document("_source", source).append("product_id.id", new Document("$in", pids))
                        .append("active", new Document("$ne", false))),
                group("$product_min_qty", 0, "$warehouse_id"));
        Map<Long, Double> minimums = new HashMap<>();
        for (Document g : db.getCollection(names.of("stock.warehouse.orderpoint")).aggregate(p)) {
            Document w = slot(out, g);
            w.put("min_qty", asDouble(w.get("min_qty")) + asDouble(g.get("a")));
            minimums.merge(asLong(((Document) g.get("_id")).get("p")), asDouble(g.get("a")), Double::sum);
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
        Bson filter = new Document("_source", source).append("$or", List.of(in("product_id.id", pids),
                in("product_tmpl_id.id", byTemplate.keySet()).append("product_id", null)));
        Map<Long, List<Document>> out = new HashMap<>();
        for (Document si : db.getCollection(names.of("product.supplierinfo")).find(filter)) {
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
        out.values().forEach(list -> list.sort((a, b) -> Long.compare(asLong(a.get("supplierinfo_id")),
                asLong(b.get("supplierinfo_id")))));
        return out;
    }

    private static Document group(Object a, Object b, String warehouseRef) {
        return new Document("$group", new Document("_id", new Document("p", "$product_id.id").append("w", warehouseRef + ".id"))
                .append("wname", new Document("$first", warehouseRef + ".name"))
                .append("a", new Document("$sum", a)).append("b", new Document("$sum", b)));
    }

    private static Document slot(Map<Long, Map<Long, Document>> out, Document g) {
        Document id = (Document) g.get("_id");
        long pid = asLong(id.get("p"));
        long wid = asLong(id.get("w"));
        return out.computeIfAbsent(pid, x -> new HashMap<>()).computeIfAbsent(wid, x -> new Document("warehouse_id",
                wid == 0 ? null : wid).append("warehouse_name", g.getString("wname"))
                .append("on_hand", 0.0).append("reserved", 0.0).append("incoming", 0.0).append("min_qty", 0.0));
    }
}
