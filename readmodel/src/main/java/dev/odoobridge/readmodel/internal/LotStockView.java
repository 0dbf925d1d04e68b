package dev.odoobridge.readmodel.internal;

import static dev.odoobridge.readmodel.internal.StockAggregations.asDouble;
import static dev.odoobridge.readmodel.internal.StockAggregations.asLong;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Keeps {@code lot_stock} current: one document per lot with its expiry date and the quantity of its
 * quants in internal locations, recomputed for the lots a change to lots, quants or locations touches.
 */
final class LotStockView implements DerivedView {
    private static final Map<String, Set<String>> DEPENDENCIES = Map.of(
            "stock.lot", Set.of("_odoo_id"),
            "stock.quant", Set.of("lot_id"),
            "stock.location", Set.of("_odoo_id"));

    private final MongoDatabase db;
    private final Names names;
    private final Clock clock;

    LotStockView(MongoDatabase db, Names names, Clock clock) {
        this.db = db;
        this.names = names;
        this.clock = clock;
    }

    @Override
    public Set<String> dependencyFields(String model) {
        return DEPENDENCIES.getOrDefault(model, Set.of());
    }

    @Override
    public void changed(String source, String model, List<Document> before, List<Document> after) {
        Set<Long> lots = new TreeSet<>();
        List<Document> all = new ArrayList<>(before);
        all.addAll(after);
        switch (model) {
            case "stock.lot" -> all.forEach(d -> lots.add(asLong(d.get("_odoo_id"))));
            case "stock.quant" -> ProductStockView.addRefs(all, "lot_id", lots);
            case "stock.location" -> {
                List<Long> locations = all.stream().map(d -> asLong(d.get("_odoo_id"))).toList();
                for (org.bson.BsonValue v : db.getCollection(names.of("stock.quant")).distinct("lot_id.id",
                        Filters.and(Filters.eq("_source", source), Filters.in("location_id.id", locations)), org.bson.BsonValue.class)) {
                    if (v.isNumber()) {
                        lots.add(v.asNumber().longValue());
                    }
                }
            }
            default -> {
                return;
            }
        }
        recompute(source, new ArrayList<>(lots));
    }

    @Override
    public void cleared(String source, String model) {
        List<Long> lots = new ArrayList<>();
        for (org.bson.BsonValue v : db.getCollection(Names.LOT_STOCK).distinct("lot_id", Filters.eq("_source", source), org.bson.BsonValue.class)) {
            lots.add(v.asNumber().longValue());
        }
        recompute(source, lots);
    }

    private void recompute(String source, List<Long> lotIds) {
        for (int i = 0; i < lotIds.size(); i += ProductStockView.BATCH) {
            rebuild(source, lotIds.subList(i, Math.min(lotIds.size(), i + ProductStockView.BATCH)));
        }
    }

    private void rebuild(String source, List<Long> lotIds) {
        List<String> keys = lotIds.stream().map(id -> DocumentMapper.key(source, id)).toList();
        Map<Long, Document> lots = new HashMap<>();
        for (Document l : db.getCollection(names.of("stock.lot")).find(Filters.in("_id", keys))) {
            lots.put(asLong(l.get("_odoo_id")), l);
        }
        List<Bson> p = new ArrayList<>();
        p.add(new Document("$match", new Document("_source", source).append("lot_id.id", new Document("$in", lotIds))));
        p.addAll(StockAggregations.joinRef(names.of("stock.location"), "location_id", "_loc", false));
        p.add(new Document("$match", new Document("_loc.usage", "internal")));
        p.add(new Document("$group", new Document("_id", "$lot_id.id").append("q", new Document("$sum", "$quantity"))));
        Map<Long, Double> quantities = new HashMap<>();
        for (Document g : db.getCollection(names.of("stock.quant")).aggregate(p)) {
            quantities.put(asLong(g.get("_id")), asDouble(g.get("q")));
        }
        Date now = Date.from(clock.instant());
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Long id : lotIds) {
            String key = DocumentMapper.key(source, id);
            Document lot = lots.get(id);
            if (lot == null) {
                writes.add(new DeleteOneModel<>(Filters.eq("_id", key)));
                continue;
            }
            Document d = new Document("_id", key).append("_source", source).append("lot_id", id)
                    .append("name", lot.getString("name"))
                    .append("product_id", StockAggregations.refId(lot, "product_id"))
                    .append("product_name", StockAggregations.refName(lot, "product_id"))
                    .append("expiration_date", lot.get("expiration_date"))
                    .append("quantity", quantities.getOrDefault(id, 0.0))
                    .append("_updated_at", now);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", key), d, new ReplaceOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            db.getCollection(Names.LOT_STOCK).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }
}
