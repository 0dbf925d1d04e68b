package dev.odoobridge.readmodel.internal;

import static dev.odoobridge.readmodel.internal.StockAggregations.asDouble;
import static dev.odoobridge.readmodel.internal.StockAggregations.asLong;

import com.mongodb.client.MongoDatabase;
import dev.odoobridge.readmodel.StorableProducts;
import dev.odoobridge.readmodel.report.ProductOverview;
import dev.odoobridge.readmodel.report.ReportScope;
import dev.odoobridge.readmodel.report.StockOverview;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.StockStatusRow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * {@link dev.odoobridge.readmodel.report.Reports#stockOverview}: one {@code find} on the scope's stock views with the
 * fields of the status row, the kept deliveries and the flags the status report filters on; the status rule of
 * {@link MongoReports#statusStage()} applied in process, the velocity summed from the kept deliveries into one array per
 * product (the moves aggregated instead where the stored path of the velocity report would be refused), the forecast
 * computed from that array, and the lots read for the product ids the same query found.
 */
final class StockOverviews {
    private static final Comparator<StockStatusRow> ROW_ORDER = Comparator.comparing(StockStatusRow::source)
            .thenComparingLong(StockStatusRow::productId);

    private final MongoDatabase db;
    private final Clock clock;
    private final MongoReports reports;
    private final TrendReports trends;

    StockOverviews(MongoDatabase db, Clock clock, MongoReports reports, TrendReports trends) {
        this.db = db;
        this.clock = clock;
        this.reports = reports;
        this.trends = trends;
    }

    StockOverview overview(ReportScope scope, int windowDays) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(windowDays - 1L);
        Map<String, List<Long>> productIds = new TreeMap<>();
        List<StockStatusRow> rows = new ArrayList<>();
        Map<String, double[]> sold = new HashMap<>();
        boolean stored = true;
        for (Document d : db.getCollection(Names.PRODUCT_STOCK).find(ScopeFilter.products(scope, ""))
                .projection(new Document("_source", 1).append("product_id", 1).append("name", 1).append("default_code", 1)
                        .append("barcode", 1).append("on_hand", 1).append("incoming", 1).append("threshold", 1)
                        .append("active", 1).append(StorableProducts.FIELD, 1)
                        .append(ProductStockBuilder.DELIVERED_DAILY, 1).append(ProductStockBuilder.DELIVERED_SINCE, 1))
                .batchSize(MongoReports.BATCH)) {
            String source = d.getString("_source");
            long productId = asLong(d.get("product_id"));
            productIds.computeIfAbsent(source, s -> new ArrayList<>()).add(productId);
            if (stored) {
                double[] days = new double[windowDays];
                int found = MongoReports.storedWindow(d, first, days);
                if (found < 0) {
                    stored = false;
                } else if (found > 0) {
                    sold.put(DocumentMapper.key(source, productId), days);
                }
            }
            // the status report's filter: active, and not known to keep no stock
            if (Boolean.TRUE.equals(d.get("active")) && !Boolean.FALSE.equals(d.get(StorableProducts.FIELD))) {
                rows.add(row(d, source, productId));
            }
        }
        if (!stored) {
            sold.clear();
            reports.movesDeliveries(scope, first, windowDays, sold, new HashMap<>());
        }
        rows.sort(ROW_ORDER);
        List<ProductOverview> products = new ArrayList<>(rows.size());
        double[] none = new double[windowDays];
        for (StockStatusRow row : rows) {
            double[] days = sold.get(DocumentMapper.key(row.source(), row.productId()));
            double total = 0;
            if (days != null) {
                for (double q : days) {
                    total += q;
                }
            }
            products.add(new ProductOverview(row, total, total / windowDays,
                    MongoReports.forecastOf(row, days == null ? none : days, today)));
        }
        return new StockOverview(windowDays, products, trends.lotsOf(productIds));
    }

    /** The status row of a view, with the rule of {@link MongoReports#statusStage()}. */
    private static StockStatusRow row(Document d, String source, long productId) {
        double q = asDouble(d.get("on_hand"));
        double threshold = asDouble(d.get("threshold"));
        StockStatus status = q <= threshold ? StockStatus.URGENT
                : q <= 1.5 * threshold ? StockStatus.MODERATE : StockStatus.HEALTHY;
        return new StockStatusRow(source, productId, d.getString("name"), d.getString("default_code"),
                d.getString("barcode"), q, asDouble(d.get("incoming")), threshold, status);
    }
}
