package dev.odoobridge.readmodel.internal;

import static dev.odoobridge.readmodel.internal.StockAggregations.asDouble;
import static dev.odoobridge.readmodel.internal.StockAggregations.asLong;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.odoobridge.readmodel.stock.LotStock;
import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.readmodel.stock.StockViews;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

/** Reads {@code product_stock} and {@code lot_stock} into the public records. */
final class MongoStockViews implements StockViews {
    private static final Codec<Document> DOCUMENT = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

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
        return reads.byId(Names.PRODUCT_STOCK, DocumentMapper.key(source, productId)).map(ProductStockBson::read);
    }

    @Override
    public List<LotStock> lots(String source, long productId) {
        Objects.requireNonNull(source, "source == null");
        List<RawBsonDocument> found = reads.find(Names.LOT_STOCK,
                Filters.and(Filters.eq("_source", source), Filters.eq("product_id", productId)),
                Sorts.ascending("expiration_date", "lot_id"), 0);
        List<LotStock> out = new ArrayList<>(found.size());
        for (RawBsonDocument d : found) {
            out.add(lotStock(d.decode(DOCUMENT)));
        }
        return out;
    }

    static LotStock lotStock(Document d) {
        Date exp = d.getDate("expiration_date");
        return new LotStock(d.getString("_source"), asLong(d.get("lot_id")), d.getString("name"), asLong(d.get("product_id")),
                d.getString("product_name"), exp == null ? null : exp.toInstant(), asDouble(d.get("quantity")));
    }
}
