package dev.odoobridge.readmodel.internal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.changes.ChangeLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.conversions.Bson;

/**
 * Every index the read model uses, declared once and created when it opens (creating an existing
 * index is a no-op). Each projected collection gets ({@code _source}, {@code _odoo_id}) for the
 * id-range reconciliation and ({@code _source}, {@code _write_date}); the stock views and reports get
 * indexes on the references they join and filter by, products ({@code _source}, {@code barcode}) for barcode lookups; every projected and view collection gets
 * ({@code _source}, {@code _seq}) and the tombstones ({@code coll}, {@code _source}, {@code _seq}) for pulls of changes.
 */
final class IndexPlan {
    private static final Map<String, List<List<String>>> PER_MODEL = Map.of(
            "stock.quant", List.of(List.of("_source", "product_id.id"), List.of("_source", "location_id.id"),
                    List.of("_source", "lot_id.id")),
            "stock.move", List.of(List.of("_source", "product_id.id", "state"), List.of("_source", "state", "date"),
                    List.of("_source", "location_dest_id.id"), List.of("_source", "location_id.id")),
            "stock.warehouse.orderpoint", List.of(List.of("_source", "product_id.id")),
            "product.supplierinfo", List.of(List.of("_source", "product_id.id"), List.of("_source", "product_tmpl_id.id"),
                    List.of("_source", "partner_id.id")),
            "product.product", List.of(List.of("_source", "product_tmpl_id.id"), List.of("_source", "barcode")),
            "stock.lot", List.of(List.of("_source", "product_id.id")),
            "product.packaging", List.of(List.of("_source", "barcode"), List.of("_source", "product_id.id")),
            "product.uom", List.of(List.of("_source", "barcode"), List.of("_source", "product_id.id")),
            "sale.order", List.of(List.of("_source", "partner_id.id", "date_order"), List.of("_source", "state")),
            "sale.order.line", List.of(List.of("_source", "product_id.id"), List.of("_source", "order_id.id")));

    private IndexPlan() {
    }

    /** The collections whose documents carry change sequences: every projected model's and the stock views'. */
    static List<String> sequenced(List<Projection> projections) {
        List<String> names = new ArrayList<>();
        projections.forEach(p -> names.add(p.collection()));
        names.add(Names.PRODUCT_STOCK);
        names.add(Names.LOT_STOCK);
        return names;
    }

    static void create(MongoDatabase db, List<Projection> projections, Names names) {
        for (String name : sequenced(projections)) {
            db.getCollection(name).createIndex(Indexes.ascending("_source", ChangeLog.SEQUENCE_FIELD),
                    new IndexOptions().name("source_seq"));
        }
        db.getCollection(Tombstones.COLLECTION).createIndex(Indexes.ascending("coll", "_source", ChangeLog.SEQUENCE_FIELD),
                new IndexOptions().name("coll_source_seq"));
        for (Projection p : projections) {
            var coll = db.getCollection(p.collection());
            coll.createIndex(Indexes.ascending("_source", "_odoo_id"), new IndexOptions().name("source_odoo_id"));
            coll.createIndex(Indexes.ascending("_source", "_write_date"), new IndexOptions().name("source_write_date"));
            for (List<String> keys : PER_MODEL.getOrDefault(p.model(), List.of())) {
                coll.createIndex(Indexes.ascending(keys), new IndexOptions().name(String.join("_", keys).replace('.', '_')));
            }
        }
        List<Bson> stock = new ArrayList<>(List.of(Indexes.ascending("_source", "vendor_ids"),
                Indexes.ascending("_source", "product_id")));
        stock.forEach(k -> db.getCollection(Names.PRODUCT_STOCK).createIndex(k));
        db.getCollection(Names.LOT_STOCK).createIndex(Indexes.ascending("_source", "product_id"));
        db.getCollection(Names.LOT_STOCK).createIndex(Indexes.ascending("_source", "expiration_date"));
    }
}
