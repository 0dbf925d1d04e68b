package dev.odoobridge.readmodel.internal;

import static dev.odoobridge.readmodel.internal.StockAggregations.asDouble;
import static dev.odoobridge.readmodel.internal.StockAggregations.asLong;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Keeps {@code lot_stock} current: one document per lot with its expiry date and the quantity of its
 * quants in internal locations, recomputed for the lots a change to lots, quants or locations touches;
 * a lot's quants are found through the {@link ReferenceIndex} and read by {@code _id}.
 */
final class LotStockView implements DerivedView {
    private static final Map<String, Set<String>> DEPENDENCIES = Map.of(
            "stock.lot", Set.of("_odoo_id"),
            "stock.quant", Set.of("lot_id"),
            "stock.location", Set.of("_odoo_id"));

    private final MongoDatabase db;
    private final Names names;
    private final Clock clock;
    private final ReferenceIndex refs;
    private final KeyedWrites writes;
    private final KeyReads reads;

    LotStockView(MongoDatabase db, Names names, Clock clock, ReferenceIndex refs, KeyedWrites writes, KeyReads reads) {
        this.reads = reads;
        this.refs = refs;
        this.writes = writes;
        this.db = db;
        this.names = names;
        this.clock = clock;
    }

    @Override
    public Set<String> dependencyFields(String model) {
        return DEPENDENCIES.getOrDefault(model, Set.of());
    }

    @Override
    public void changed(ChangeBatch batch, String source, String model, List<Document> before, List<Document> after) {
        Set<Long> lots = new TreeSet<>();
        List<Document> all = new ArrayList<>(before);
        all.addAll(after);
        switch (model) {
            case "stock.lot" -> all.forEach(d -> lots.add(asLong(d.get("_odoo_id"))));
            case "stock.quant" -> ProductStockView.addRefs(all, "lot_id", lots);
            case "stock.location" -> {
                List<Long> locations = all.stream().map(d -> asLong(d.get("_odoo_id"))).toList();
                ProductStockView.addRefs(refs.documents(source, "stock.quant", names.of("stock.quant"), "location_id", locations,
                        List.of("lot_id")), "lot_id", lots);
            }
            default -> {
                return;
            }
        }
        recompute(batch, source, new ArrayList<>(lots));
    }

    @Override
    public void cleared(ChangeBatch batch, String source, String model) {
        List<Long> lots = new ArrayList<>();
        for (org.bson.BsonValue v : db.getCollection(Names.LOT_STOCK).distinct("lot_id", Filters.eq("_source", source), org.bson.BsonValue.class)) {
            lots.add(v.asNumber().longValue());
        }
        recompute(batch, source, lots);
    }

    private void recompute(ChangeBatch batch, String source, List<Long> lotIds) {
        for (int i = 0; i < lotIds.size(); i += ProductStockView.BATCH) {
            rebuild(batch, source, lotIds.subList(i, Math.min(lotIds.size(), i + ProductStockView.BATCH)));
        }
    }

    private void rebuild(ChangeBatch batch, String source, List<Long> lotIds) {
        List<String> keys = DocumentMapper.keys(source, lotIds);
        Map<Long, Document> lots = new HashMap<>();
        reads.find(db.getCollection(names.of("stock.lot")), keys, null, l -> lots.put(asLong(l.get("_odoo_id")), l));
        List<Document> quants = refs.documents(source, "stock.quant", names.of("stock.quant"), "lot_id", lotIds,
                List.of("location_id", "quantity"));
        Set<String> locationKeys = new HashSet<>();
        for (Document q : quants) {
            Long loc = StockAggregations.refId(q, "location_id");
            if (loc != null) {
                locationKeys.add(DocumentMapper.key(source, loc));
            }
        }
        Set<Long> internal = new HashSet<>();
        if (!locationKeys.isEmpty()) {
            reads.find(db.getCollection(names.of("stock.location")), locationKeys, List.of("_odoo_id", "usage"), l -> {
                if ("internal".equals(l.get("usage"))) {
                    internal.add(asLong(l.get("_odoo_id")));
                }
            });
        }
        Map<Long, Double> quantities = new HashMap<>();
        for (Document q : quants) {
            if (internal.contains(StockAggregations.refId(q, "location_id"))) {
                quantities.merge(StockAggregations.refId(q, "lot_id"), asDouble(q.get("quantity")), Double::sum);
            }
        }
        Date now = Date.from(clock.instant());
        Map<String, Document> wanted = new LinkedHashMap<>();
        for (Long id : lotIds) {
            String key = DocumentMapper.key(source, id);
            Document lot = lots.get(id);
            wanted.put(key, lot == null ? null : new Document("_id", key).append("_source", source).append("lot_id", id)
                    .append("name", lot.getString("name"))
                    .append("product_id", StockAggregations.refId(lot, "product_id"))
                    .append("product_name", StockAggregations.refName(lot, "product_id"))
                    .append("expiration_date", lot.get("expiration_date"))
                    .append("quantity", quantities.getOrDefault(id, 0.0))
                    .append("_updated_at", now));
        }
        writes.write(batch, db.getCollection(Names.LOT_STOCK), wanted, "_updated_at");
    }
}
