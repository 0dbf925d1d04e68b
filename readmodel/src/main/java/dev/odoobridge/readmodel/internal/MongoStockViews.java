package dev.odoobridge.readmodel.internal;

import static dev.odoobridge.readmodel.internal.StockAggregations.asDouble;
import static dev.odoobridge.readmodel.internal.StockAggregations.asLong;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.odoobridge.readmodel.stock.LotStock;
import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.readmodel.stock.StockViews;
import dev.odoobridge.readmodel.stock.VendorInfo;
import dev.odoobridge.readmodel.stock.WarehouseStock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.bson.Document;

/** Reads {@code product_stock} and {@code lot_stock} into the public records. */
final class MongoStockViews implements StockViews {
    private final ViewReads reads;
    private final ToLongFunction<String> rebuild;

    /**
     * @param reads where the view documents are read (the driver, or the embedded store in this process)
     * @param rebuild recomputes a source's stock views (the projector's, under its view lock)
     */
    MongoStockViews(ViewReads reads, ToLongFunction<String> rebuild) {
        this.reads = reads;
        this.rebuild = rebuild;
    }

    @Override
    public long rebuild(String source) {
        Objects.requireNonNull(source, "source == null");
        return rebuild.applyAsLong(source);
    }

    @Override
    public Optional<ProductStock> product(String source, long productId) {
        Objects.requireNonNull(source, "source == null");
        List<Document> found = reads.find(Names.PRODUCT_STOCK, Filters.eq("_id", DocumentMapper.key(source, productId)), null, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(productStock(found.get(0)));
    }

    @Override
    public List<LotStock> lots(String source, long productId) {
        Objects.requireNonNull(source, "source == null");
        List<Document> found = reads.find(Names.LOT_STOCK,
                Filters.and(Filters.eq("_source", source), Filters.eq("product_id", productId)),
                Sorts.ascending("expiration_date", "lot_id"), 0);
        List<LotStock> out = new ArrayList<>(found.size());
        for (Document d : found) {
            out.add(lotStock(d));
        }
        return out;
    }

    static LotStock lotStock(Document d) {
        Date exp = d.getDate("expiration_date");
        return new LotStock(d.getString("_source"), asLong(d.get("lot_id")), d.getString("name"), asLong(d.get("product_id")),
                d.getString("product_name"), exp == null ? null : exp.toInstant(), asDouble(d.get("quantity")));
    }

    static ProductStock productStock(Document d) {
        List<WarehouseStock> warehouses = new ArrayList<>();
        for (Document w : d.getList("warehouses", Document.class, List.of())) {
            warehouses.add(new WarehouseStock(asLong(w.get("warehouse_id")), w.getString("warehouse_name"),
                    asDouble(w.get("on_hand")), asDouble(w.get("reserved")), asDouble(w.get("incoming")),
                    asDouble(w.get("min_qty"))));
        }
        List<VendorInfo> vendors = new ArrayList<>();
        for (Document v : d.getList("vendors", Document.class, List.of())) {
            vendors.add(new VendorInfo(asLong(v.get("partner_id")), v.getString("name"), asDouble(v.get("min_qty")),
                    asDouble(v.get("price")), v.get("product_code") instanceof String s ? s : null));
        }
        return new ProductStock(d.getString("_source"), asLong(d.get("product_id")), d.getString("name"),
                d.getString("default_code"), d.getString("barcode"), asDouble(d.get("on_hand")), asDouble(d.get("reserved")),
                asDouble(d.get("incoming")), asDouble(d.get("threshold")),
                ProductStock.ThresholdSource.valueOf(d.getString("threshold_from").toUpperCase(Locale.ROOT)),
                warehouses, vendors);
    }
}
