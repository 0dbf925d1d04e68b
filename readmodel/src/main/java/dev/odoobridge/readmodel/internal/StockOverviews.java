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
        String from = first.toString();
        Map<String, List<Long>> productIds = new TreeMap<>();
        List<Stocked> stocked = new ArrayList<>();
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
            // the status report's filter: active, and not known to keep no stock
            boolean listed = Boolean.TRUE.equals(d.get("active")) && !Boolean.FALSE.equals(d.get(StorableProducts.FIELD));
            double[] days = null;
            if (stored) {
                double[] window = new double[windowDays];
                int found = MongoReports.storedWindow(d, first, from, window);
                stored = found >= 0;
                days = found > 0 ? window : null;
            }
            if (listed) {
                stocked.add(new Stocked(row(d, source, productId), days));
            }
        }
        if (!stored) {
            Map<String, double[]> sold = new HashMap<>();
            reports.movesDeliveries(scope, first, windowDays, sold, new HashMap<>());
            stocked.replaceAll(p -> new Stocked(p.row(), sold.get(DocumentMapper.key(p.row().source(), p.row().productId()))));
        }
        stocked.sort(Comparator.comparing(Stocked::row, ROW_ORDER));
        List<ProductOverview> products = new ArrayList<>(stocked.size());
        double[] none = new double[windowDays];
        for (Stocked p : stocked) {
            double total = 0;
            if (p.days() != null) {
                for (double q : p.days()) {
                    total += q;
                }
            }
            products.add(new ProductOverview(p.row(), total, total / windowDays,
                    MongoReports.forecastOf(p.row(), p.days() == null ? none : p.days(), today)));
        }
        return new StockOverview(windowDays, products, trends.lotsOf(productIds));
    }

    /** A listed product's row and its deliveries of the window (index 0 = the first day), null without any. */
    private record Stocked(StockStatusRow row, double[] days) {
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
