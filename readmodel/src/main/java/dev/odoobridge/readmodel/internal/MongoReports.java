package dev.odoobridge.readmodel.internal;

import static dev.odoobridge.readmodel.internal.StockAggregations.asDouble;
import static dev.odoobridge.readmodel.internal.StockAggregations.asLong;

import com.mongodb.client.MongoDatabase;
import dev.odoobridge.readmodel.StockOptions;
import dev.odoobridge.readmodel.StorableProducts;
import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.CustomerActivity;
import dev.odoobridge.readmodel.report.DailySales;
import dev.odoobridge.readmodel.report.DemandPattern;
import dev.odoobridge.readmodel.report.ForecastMethod;
import dev.odoobridge.readmodel.report.Granularity;
import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.ProductTrend;
import dev.odoobridge.readmodel.report.ProductVelocity;
import dev.odoobridge.readmodel.report.ReportScope;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.SalesPeriod;
import dev.odoobridge.readmodel.report.SalesQuery;
import dev.odoobridge.readmodel.report.StockOverview;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.TopProduct;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.readmodel.stock.LotStock;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** {@link Reports} as MongoDB aggregations; the report scope is the first {@code $match} on product stock. */
final class MongoReports implements Reports {
    /** Documents per reply when reading many stock views: a reply is held whole in memory and has a size limit. */
    static final int BATCH = 2000;

    private final MongoDatabase db;
    private final Names names;
    private final StockOptions options;
    private final Clock clock;
    private final SalesReports sales;
    private final TrendReports trends;
    private final StockOverviews overviews;

    MongoReports(MongoDatabase db, Names names, StockOptions options, Clock clock) {
        this.db = db;
        this.names = names;
        this.options = options;
        this.clock = clock;
        this.sales = new SalesReports(db, names, clock);
        this.trends = new TrendReports(db, names, clock);
        this.overviews = new StockOverviews(db, clock, this, trends);
    }

    @Override
    public List<StockStatusRow> stockStatus(ReportScope scope) {
        List<Bson> p = new ArrayList<>();
        p.add(new Document("$match", ScopeFilter.products(scope, "")));
        // products known not to keep stock (consumables, services) have no stock status
        p.add(new Document("$match", new Document("active", true)
                .append(StorableProducts.FIELD, new Document("$ne", false))));
        // only the row's fields: the views also hold per-warehouse, vendor and daily delivery detail
        p.add(new Document("$project", new Document("_source", 1).append("product_id", 1).append("name", 1)
                .append("default_code", 1).append("barcode", 1).append("on_hand", 1).append("incoming", 1)
                .append("threshold", 1)));
        p.add(statusStage());
        p.add(new Document("$sort", new Document("_source", 1).append("product_id", 1)));
        List<StockStatusRow> rows = new ArrayList<>();
        for (Document d : db.getCollection(Names.PRODUCT_STOCK).aggregate(p).batchSize(BATCH)) {
            rows.add(new StockStatusRow(d.getString("_source"), asLong(d.get("product_id")), d.getString("name"),
                    d.getString("default_code"), d.getString("barcode"), asDouble(d.get("on_hand")),
                    asDouble(d.get("incoming")), asDouble(d.get("threshold")), StockStatus.valueOf(d.getString("status"))));
        }
        return rows;
    }

    /** Adds {@code status}: URGENT when q <= T, MODERATE when q <= 1.5 T, else HEALTHY. */
    static Document statusStage() {
        Document moderate = new Document("$cond", List.of(
                new Document("$lte", List.of("$on_hand", new Document("$multiply", List.of(1.5, "$threshold")))),
                StockStatus.MODERATE.name(), StockStatus.HEALTHY.name()));
        return new Document("$addFields", new Document("status", new Document("$cond", List.of(
                new Document("$lte", List.of("$on_hand", "$threshold")), StockStatus.URGENT.name(), moderate))));
    }

    @Override
    public List<ProductVelocity> salesVelocity(ReportScope scope, int windowDays) {
        Objects.requireNonNull(scope, "scope == null");
        requireWindow(windowDays);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(windowDays - 1L);
        Map<String, double[]> byProduct = new LinkedHashMap<>();
        Map<String, String> productNames = new HashMap<>();
        if (!storedDeliveries(scope, first, windowDays, byProduct, productNames)) {
            byProduct.clear();
            productNames.clear();
            movesDeliveries(scope, first, windowDays, byProduct, productNames);
        }
        List<ProductVelocity> out = new ArrayList<>();
        byProduct.forEach((key, days) -> {
            List<DailySales> series = new ArrayList<>(windowDays);
            double total = 0;
            for (int i = 0; i < windowDays; i++) {
                total += days[i];
                series.add(new DailySales(first.plusDays(i), days[i]));
            }
            int colon = key.lastIndexOf(':');
            out.add(new ProductVelocity(key.substring(0, colon), Long.parseLong(key.substring(colon + 1)),
                    productNames.get(key), windowDays, total, total / windowDays, series));
        });
        out.sort((a, b) -> a.source().equals(b.source()) ? Long.compare(a.productId(), b.productId())
                : a.source().compareTo(b.source()));
        return out;
    }

    private static void requireWindow(int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be >= 1, was " + windowDays);
        }
    }

    /**
     * The deliveries of the window from the moves: one aggregation over the moves of the scope's sources; by product
     * key, the window's days (index 0 = {@code first}) of the products with a delivery in it.
     */
    void movesDeliveries(ReportScope scope, LocalDate first, int windowDays, Map<String, double[]> byProduct,
                         Map<String, String> productNames) {
        LocalDate last = first.plusDays(windowDays - 1L);
        long firstDay = first.toEpochDay();
        for (Document g : db.getCollection(names.of("stock.move")).aggregate(velocityPipeline(scope, first, last))) {
            Document id = (Document) g.get("_id");
            String key = DocumentMapper.key(id.getString("s"), asLong(id.get("p")));
            int i = (int) (LocalDate.parse(id.getString("d")).toEpochDay() - firstDay);
            byProduct.computeIfAbsent(key, k -> new double[windowDays])[i] += asDouble(g.get("q"));
            productNames.putIfAbsent(key, g.getString("name"));
        }
    }

    /**
     * The deliveries of the window from the {@code product_stock} documents of the scope (one query on the stock
     * views, no move read): false when a document of the scope lacks them or keeps too few days (views built before
     * the field existed, until their next rebuild; windows longer than the kept days).
     */
    private boolean storedDeliveries(ReportScope scope, LocalDate first, int windowDays, Map<String, double[]> byProduct,
                                     Map<String, String> productNames) {
        String firstDay = first.toString();
        for (Document d : db.getCollection(Names.PRODUCT_STOCK).find(ScopeFilter.products(scope, ""))
                .projection(new Document("_source", 1).append("product_id", 1).append("name", 1)
                        .append(ProductStockBuilder.DELIVERED_DAILY, 1).append(ProductStockBuilder.DELIVERED_SINCE, 1))
                .batchSize(BATCH)) {
            double[] days = new double[windowDays];
            int found = storedWindow(d, first, firstDay, days);
            if (found < 0) {
                return false;
            }
            if (found > 0) {
                String key = DocumentMapper.key(d.getString("_source"), asLong(d.get("product_id")));
                byProduct.put(key, days);
                productNames.putIfAbsent(key, d.getString("name"));
            }
        }
        return true;
    }

    /**
     * Adds a view's kept deliveries of the window starting at {@code first} ({@code firstDay} as {@code yyyy-MM-dd})
     * into {@code days}: the number of kept days in the window, or -1 when the view keeps none, too few days or an
     * unreadable field.
     */
    static int storedWindow(Document view, LocalDate first, String firstDay, double[] days) {
        String since = view.getString(ProductStockBuilder.DELIVERED_SINCE);
        if (since == null || since.compareTo(firstDay) > 0) {
            return -1;
        }
        return DeliveredDaily.addWindow(view.get(ProductStockBuilder.DELIVERED_DAILY), first, days);
    }

    private List<Bson> velocityPipeline(ReportScope scope, LocalDate first, LocalDate last) {
        String locations = names.of("stock.location");
        List<Bson> p = new ArrayList<>();
        p.add(new Document("$match", ScopeFilter.sources(scope).append("state", "done").append("date",
                new Document("$gte", toDate(first)).append("$lt", toDate(last.plusDays(1))))));
        p.addAll(StockAggregations.joinRef(Names.PRODUCT_STOCK, "product_id", "_ps", false));
        p.add(new Document("$match", ScopeFilter.products(scope, "_ps.")));
        p.addAll(StockAggregations.joinRef(locations, "location_id", "_from", false));
        p.addAll(StockAggregations.joinRef(locations, "location_dest_id", "_to", false));
        p.add(new Document("$match", new Document("_from.usage", "internal").append("_to.usage", "customer")));
        p.add(new Document("$group", new Document("_id", new Document("s", "$_source").append("p", "$product_id.id")
                .append("d", new Document("$dateToString", new Document("format", "%Y-%m-%d").append("date", "$date"))))
                .append("q", new Document("$sum", new Document("$ifNull", List.of("$quantity", "$product_uom_qty"))))
                .append("name", new Document("$first", "$_ps.name"))));
        return p;
    }

    @Override
    public List<ProductForecast> forecast(ReportScope scope, int windowDays) {
        List<ProductVelocity> velocity = salesVelocity(scope, windowDays);
        return forecast(stockStatus(scope), velocity, windowDays);
    }

    static ProductForecast forecastOf(StockStatusRow row, double[] series, LocalDate today) {
        double adi = DemandForecasts.adi(series);
        double cv2 = DemandForecasts.cv2(series);
        DemandPattern pattern = DemandForecasts.classify(adi, cv2);
        double ma = DemandForecasts.movingAverage(series, DemandForecasts.MOVING_AVERAGE_DAYS);
        double sba = DemandForecasts.sba(series, DemandForecasts.ALPHA);
        ForecastMethod method = pattern == DemandPattern.INTERMITTENT || pattern == DemandPattern.LUMPY
                ? ForecastMethod.SBA : ForecastMethod.MOVING_AVERAGE;
        double rate = method == ForecastMethod.SBA ? sba : ma;
        Double cover = null;
        LocalDate stockout = null;
        if (rate > 0) {
            cover = Math.max(0, row.onHand()) / rate;
            stockout = today.plusDays((long) Math.floor(cover));
        }
        return new ProductForecast(row.source(), row.productId(), row.name(), row.onHand(), pattern, adi, cv2, ma, sba, method,
                rate, cover, stockout);
    }

    @Override
    public List<Alert> alerts(ReportScope scope) {
        return alerts(scope, options.nearExpiryDays());
    }

    @Override
    public List<Alert> alerts(ReportScope scope, int nearExpiryDays) {
        Objects.requireNonNull(scope, "scope == null");
        if (nearExpiryDays < 0) {
            throw new IllegalArgumentException("nearExpiryDays must be >= 0, was " + nearExpiryDays);
        }
        List<Alert> out = new ArrayList<>();
        for (StockStatusRow row : stockStatus(scope)) {
            if (row.status() == StockStatus.URGENT) {
                out.add(new Alert(Alert.Kind.LOW_STOCK, row.source(), row.productId(), row.name(), row.onHand(),
                        row.threshold(), 0, null, null));
            }
        }
        Date now = Date.from(clock.instant());
        Date horizon = Date.from(clock.instant().plus(Duration.ofDays(nearExpiryDays)));
        List<Bson> p = new ArrayList<>();
        p.add(new Document("$match", ScopeFilter.sources(scope).append("quantity", new Document("$gt", 0))
                .append("expiration_date", new Document("$ne", null).append("$lte", horizon))));
        p.addAll(StockAggregations.joinId(Names.PRODUCT_STOCK, "product_id", "_ps", false));
        p.add(new Document("$match", ScopeFilter.products(scope, "_ps.")));
        p.add(new Document("$sort", new Document("expiration_date", 1).append("_source", 1).append("lot_id", 1)));
        for (Document d : db.getCollection(Names.LOT_STOCK).aggregate(p)) {
            Date exp = d.getDate("expiration_date");
            // expired as product_expiry's product_expiry_alert: expiration_date <= now
            Alert.Kind kind = exp.after(now) ? Alert.Kind.NEAR_EXPIRY : Alert.Kind.EXPIRED;
            Document ps = (Document) d.get("_ps");
            out.add(new Alert(kind, d.getString("_source"), asLong(d.get("product_id")),
                    ps.getString("name") != null ? ps.getString("name") : d.getString("product_name"),
                    asDouble(d.get("quantity")), 0, asLong(d.get("lot_id")), d.getString("name"), exp.toInstant()));
        }
        return out;
    }

    @Override
    public List<StockStatusRow> stockStatus(VendorScope scope) {
        return stockStatus((ReportScope) scope);
    }

    @Override
    public List<ProductVelocity> salesVelocity(VendorScope scope, int windowDays) {
        return salesVelocity((ReportScope) scope, windowDays);
    }

    @Override
    public List<ProductForecast> forecast(VendorScope scope, int windowDays) {
        return forecast((ReportScope) scope, windowDays);
    }

    @Override
    public List<Alert> alerts(VendorScope scope) {
        return alerts((ReportScope) scope);
    }

    @Override
    public List<Alert> alerts(VendorScope scope, int nearExpiryDays) {
        return alerts((ReportScope) scope, nearExpiryDays);
    }

    @Override
    public List<SalesPeriod> sales(SalesQuery query, Granularity granularity, LocalDate from, LocalDate to) {
        return sales.sales(query, granularity, from, to);
    }

    @Override
    public List<TopProduct> topProducts(SalesQuery query, LocalDate from, LocalDate to, int limit) {
        return sales.topProducts(query, from, to, limit);
    }

    @Override
    public List<CustomerActivity> customerActivity(String source) {
        return sales.customerActivity(source);
    }

    @Override
    public List<LotStock> lotsInStock(VendorScope scope) {
        return trends.lotsInStock(scope);
    }

    @Override
    public Optional<ProductTrend> productTrend(VendorScope scope, String source, long productId, int days) {
        return trends.productTrend(scope, source, productId, days);
    }

    @Override
    public List<ProductForecast> forecast(List<StockStatusRow> rows, List<ProductVelocity> velocity, int windowDays) {
        requireWindow(windowDays);
        Map<String, ProductVelocity> byKey = new HashMap<>();
        for (ProductVelocity v : velocity) {
            if (v.windowDays() != windowDays) {
                throw new IllegalArgumentException("velocity over " + v.windowDays() + " days, forecast over " + windowDays);
            }
            byKey.put(DocumentMapper.key(v.source(), v.productId()), v);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<ProductForecast> out = new ArrayList<>(rows.size());
        for (StockStatusRow row : rows) {
            ProductVelocity v = byKey.get(DocumentMapper.key(row.source(), row.productId()));
            double[] series = new double[windowDays];
            if (v != null) {
                for (int i = 0; i < windowDays; i++) {
                    series[i] = v.daily().get(i).quantity();
                }
            }
            out.add(forecastOf(row, series, today));
        }
        return out;
    }

    @Override
    public StockOverview stockOverview(ReportScope scope, int windowDays) {
        Objects.requireNonNull(scope, "scope == null");
        requireWindow(windowDays);
        return overviews.overview(scope, windowDays);
    }

    static Date toDate(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
