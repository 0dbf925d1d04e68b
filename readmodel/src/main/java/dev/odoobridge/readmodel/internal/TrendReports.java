package dev.odoobridge.readmodel.internal;

import static dev.odoobridge.readmodel.internal.StockAggregations.asDouble;
import static dev.odoobridge.readmodel.internal.StockAggregations.asLong;

import com.mongodb.client.MongoDatabase;
import dev.odoobridge.readmodel.StorableProducts;
import dev.odoobridge.readmodel.report.DailyStock;
import dev.odoobridge.readmodel.report.ProductTrend;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.readmodel.stock.LotStock;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The vendor portal's queries beside the classic reports: every lot in stock of a scope (one aggregation), and one
 * product's daily history (its status and done moves read by {@code _id} through the reference index, its lots).
 */
final class TrendReports {
    /** Most product ids matched with {@code $in} in a query; more are matched in this process. */
    static final int IN_LIMIT = 256;

    /** Lots by source, product, expiry (none last) and lot id. */
    static final Comparator<LotStock> LOT_ORDER = Comparator.comparing(LotStock::source)
            .thenComparingLong(LotStock::productId)
            .thenComparing(LotStock::expirationDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(LotStock::lotId);

    private final MongoDatabase db;
    private final Names names;
    private final Clock clock;

    private final KeyReads reads;
    private final ReferenceIndex refs;

    TrendReports(MongoDatabase db, Names names, Clock clock) {
        this.db = db;
        this.names = names;
        this.clock = clock;
        // read-only use of the reference index: standard _id reads, no writes
        this.reads = new KeyReads(db.getName(), null);
        this.refs = new ReferenceIndex(db, reads, false, null);
    }

    List<LotStock> lotsInStock(VendorScope scope) {
        Objects.requireNonNull(scope, "scope == null");
        // the scope resolved to its products first (one query on the stock views), then their lots by product id
        Map<String, List<Long>> products = new TreeMap<>();
        for (Document d : db.getCollection(Names.PRODUCT_STOCK).find(ScopeFilter.products(scope, ""))
                .projection(new Document("_source", 1).append("product_id", 1)).batchSize(MongoReports.BATCH)) {
            products.computeIfAbsent(d.getString("_source"), s -> new ArrayList<>()).add(StockAggregations.asLong(d.get("product_id")));
        }
        return lotsOf(products);
    }

    /** The lots in stock of the products (by source), in {@link #LOT_ORDER}: one query on the lot views per source. */
    List<LotStock> lotsOf(Map<String, List<Long>> products) {
        List<LotStock> out = new ArrayList<>();
        products.forEach((source, ids) -> {
            // a long $in list is matched value by value per lot in the embedded store: past a few hundred products,
            // the source's lots in stock are read (only their fields) and kept when their product is one of the scope's
            Set<Long> wanted = new HashSet<>(ids);
            Document filter = new Document("_source", source).append("quantity", new Document("$gt", 0));
            if (ids.size() <= IN_LIMIT) {
                filter.append("product_id", new Document("$in", ids));
            }
            for (Document d : db.getCollection(Names.LOT_STOCK).find(filter).projection(new Document("_source", 1)
                    .append("lot_id", 1).append("name", 1).append("product_id", 1).append("product_name", 1)
                    .append("expiration_date", 1).append("quantity", 1)).batchSize(MongoReports.BATCH)) {
                if (wanted.contains(StockAggregations.asLong(d.get("product_id")))) {
                    out.add(MongoStockViews.lotStock(d));
                }
            }
        });
        out.sort(LOT_ORDER);
        return out;
    }

    Optional<ProductTrend> productTrend(VendorScope scope, String source, long productId, int days) {
        Objects.requireNonNull(scope, "scope == null");
        Objects.requireNonNull(source, "source == null");
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, was " + days);
        }
        if (!scope.partnersBySource().containsKey(source) || productId <= 0) {
            return Optional.empty();
        }
        Optional<StockStatusRow> status = status(scope, source, productId);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(days - 1L);
        double[] delivered = new double[days];
        double[] received = new double[days];
        double[] shipped = new double[days];
        // the product's moves through the reference index and by _id: every store serves these from its primary index
        List<Document> moves = refs.documents(source, "stock.move", names.of("stock.move"), "product_id", List.of(productId),
                List.of("state", "date", "location_id", "location_dest_id", "quantity", "product_uom_qty"));
        Map<Long, String> usage = usages(source, moves);
        long firstDay = first.toEpochDay();
        for (Document m : moves) {
            if (!"done".equals(m.get("state")) || !(m.get("date") instanceof Date date)) {
                continue;
            }
            int i = (int) (date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay() - firstDay);
            if (i < 0 || i >= days) {
                continue;
            }
            double q = asDouble(m.get("quantity") != null ? m.get("quantity") : m.get("product_uom_qty"));
            // a location not (yet) stored counts as not internal
            String from = usage.get(StockAggregations.refId(m, "location_id"));
            String to = usage.get(StockAggregations.refId(m, "location_dest_id"));
            boolean fromInternal = "internal".equals(from);
            boolean toInternal = "internal".equals(to);
            if (fromInternal && "customer".equals(to)) {
                delivered[i] += q;
            }
            if (toInternal && !fromInternal) {
                received[i] += q;
            } else if (fromInternal && !toInternal) {
                shipped[i] += q;
            }
        }
        double[] onHand = endOfDayOnHand(status.get().onHand(), received, shipped);
        List<DailyStock> series = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            series.add(new DailyStock(first.plusDays(i), delivered[i], received[i], shipped[i], onHand[i]));
        }
        List<LotStock> lots = new ArrayList<>();
        for (Document d : db.getCollection(Names.LOT_STOCK).find(new Document("_source", source).append("product_id", productId)
                .append("quantity", new Document("$gt", 0)))) {
            lots.add(MongoStockViews.lotStock(d));
        }
        lots.sort(LOT_ORDER);
        return Optional.of(new ProductTrend(status.get(), series, lots));
    }

    /**
     * End-of-day on hand per day, oldest first, from the last day's (today's) on hand backwards:
     * {@code onHand[i] = onHand[i + 1] - received[i + 1] + shipped[i + 1]}.
     */
    static double[] endOfDayOnHand(double today, double[] received, double[] shipped) {
        int n = received.length;
        double[] onHand = new double[n];
        if (n == 0) {
            return onHand;
        }
        onHand[n - 1] = today;
        for (int i = n - 2; i >= 0; i--) {
            onHand[i] = onHand[i + 1] - received[i + 1] + shipped[i + 1];
        }
        return onHand;
    }

    /** The product's stock document read by {@code _id} (the primary index), the scope applied in the same filter. */
    private Optional<StockStatusRow> status(VendorScope scope, String source, long productId) {
        Document filter = new Document("$and", List.of(new Document("_id", DocumentMapper.key(source, productId)),
                ScopeFilter.products(scope, ""),
                new Document("active", true).append(StorableProducts.FIELD, new Document("$ne", false))));
        Document d = db.getCollection(Names.PRODUCT_STOCK).find(filter).projection(new Document("_source", 1)
                .append("product_id", 1).append("name", 1).append("default_code", 1).append("barcode", 1)
                .append("on_hand", 1).append("incoming", 1).append("threshold", 1)).first();
        if (d == null) {
            return Optional.empty();
        }
        double q = asDouble(d.get("on_hand"));
        double threshold = asDouble(d.get("threshold"));
        // the rule of the reports' status stage
        StockStatus status = q <= threshold ? StockStatus.URGENT : q <= 1.5 * threshold ? StockStatus.MODERATE : StockStatus.HEALTHY;
        return Optional.of(new StockStatusRow(d.getString("_source"), asLong(d.get("product_id")), d.getString("name"),
                d.getString("default_code"), d.getString("barcode"), q, asDouble(d.get("incoming")), threshold, status));
    }

    private Map<Long, String> usages(String source, List<Document> moves) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Document m : moves) {
            for (String f : List.of("location_id", "location_dest_id")) {
                Long id = StockAggregations.refId(m, f);
                if (id != null) {
                    keys.add(DocumentMapper.key(source, id));
                }
            }
        }
        Map<Long, String> out = new HashMap<>();
        if (!keys.isEmpty()) {
            reads.find(db.getCollection(names.of("stock.location")), keys, List.of("_odoo_id", "usage"),
                    l -> out.put(asLong(l.get("_odoo_id")), l.getString("usage")));
        }
        return out;
    }
}
