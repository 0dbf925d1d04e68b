package dev.odoobridge.readmodel.internal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Keeps {@code product_stock} current: works out which products a change touches (through the
 * {@link ReferenceIndex} for templates and locations) and has {@link ProductStockBuilder} recompute
 * exactly those, in batches.
 */
final class ProductStockView implements DerivedView {
    static final int BATCH = 500;
    private static final Map<String, Set<String>> DEPENDENCIES = Map.of(
            "product.product", Set.of("_odoo_id"),
            "stock.quant", Set.of("product_id"),
            "stock.move", Set.of("product_id"),
            "stock.warehouse.orderpoint", Set.of("product_id"),
            "product.supplierinfo", Set.of("product_id", "product_tmpl_id"),
            "stock.location", Set.of("_odoo_id"));

    private final MongoDatabase db;
    private final Names names;
    private final ProductStockBuilder builder;
    private final ReferenceIndex refs;

    ProductStockView(MongoDatabase db, Names names, ProductStockBuilder builder, ReferenceIndex refs) {
        this.refs = refs;
        this.db = db;
        this.names = names;
        this.builder = builder;
    }

    @Override
    public Set<String> dependencyFields(String model) {
        return DEPENDENCIES.getOrDefault(model, Set.of());
    }

    @Override
    public void changed(ChangeBatch batch, String source, String model, List<Document> before, List<Document> after) {
        Set<Long> products = new TreeSet<>();
        Map<Long, Document> written = Map.of();
        List<Document> all = new ArrayList<>(before);
        all.addAll(after);
        switch (model) {
            case "product.product" -> {
                all.forEach(d -> products.add(StockAggregations.asLong(d.get("_odoo_id"))));
                // the products as just written: the builder need not read them back
                written = new HashMap<>();
                for (Document d : after) {
                    written.put(StockAggregations.asLong(d.get("_odoo_id")), d);
                }
            }
            case "stock.quant", "stock.move", "stock.warehouse.orderpoint" -> addRefs(all, "product_id", products);
            case "product.supplierinfo" -> {
                addRefs(all, "product_id", products);
                Set<Long> templates = new TreeSet<>();
                addRefs(all, "product_tmpl_id", templates);
                products.addAll(refs.allReferrers(source, "product.product", "product_tmpl_id", templates));
            }
            case "stock.location" -> {
                Set<Long> locations = new TreeSet<>();
                all.forEach(d -> locations.add(StockAggregations.asLong(d.get("_odoo_id"))));
                for (String[] ref : new String[][] {{"stock.quant", "location_id"}, {"stock.move", "location_id"},
                        {"stock.move", "location_dest_id"}}) {
                    addRefs(refs.documents(source, ref[0], names.of(ref[0]), ref[1], locations, List.of("product_id")),
                            "product_id", products);
                }
            }
            default -> {
                return;
            }
        }
        recompute(batch, source, products, written);
    }

    @Override
    public void cleared(ChangeBatch batch, String source, String model) {
        rebuildAll(batch, source);
    }

    /** Recomputes every stock document of the source; returns how many. */
    long rebuildAll(ChangeBatch batch, String source) {
        Set<Long> products = new TreeSet<>();
        for (org.bson.BsonValue id : db.getCollection(Names.PRODUCT_STOCK).distinct("product_id", Filters.eq("_source", source), org.bson.BsonValue.class)) {
            products.add(id.asNumber().longValue());
        }
        recompute(batch, source, products, Map.of());
        return products.size();
    }

    /**
     * Recomputes the products' stock documents, {@value #BATCH} at a time; {@code written} holds product
     * documents as just written, by Odoo id.
     */
    void recompute(ChangeBatch changes, String source, Collection<Long> productIds, Map<Long, Document> written) {
        List<Long> ids = new ArrayList<>(BATCH);
        for (Long id : productIds) {
            ids.add(id);
            if (ids.size() == BATCH) {
                builder.rebuild(changes, source, ids, written);
                ids.clear();
            }
        }
        if (!ids.isEmpty()) {
            builder.rebuild(changes, source, ids, written);
        }
    }

    static void addRefs(List<Document> docs, String field, Set<Long> into) {
        for (Document d : docs) {
            Long id = StockAggregations.refId(d, field);
            if (id != null) {
                into.add(id);
            }
        }
    }
}
