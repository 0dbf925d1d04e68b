package dev.odoobridge.portal.data;

import dev.odoobridge.readmodel.report.DailySales;
import dev.odoobridge.readmodel.report.DailyStock;
import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.ProductTrend;
import dev.odoobridge.readmodel.report.ProductVelocity;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.readmodel.stock.LotStock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link VendorData} from the read model's {@link Reports}. The dashboard costs the same few queries whatever the number
 * of products or shops: the stock status of the scope, its sales velocity over {@value #WINDOW_DAYS} days and its lots
 * in stock (each one or two queries on the stock views of the scope's sources, the scope applied inside them; the
 * velocity read from the daily deliveries the views keep, not from the moves); forecasts are computed
 * from those rows without another query, and everything is joined per product in memory. A product page reads one
 * product's status, its moves of the window and its lots.
 *
 * <p>Days are UTC days, as in the reports. A lot counts as near expiry when it expires within the near-expiry window
 * from now (expired lots included); it is expired when its expiry is now or past.
 */
public final class ReadModelVendorData implements VendorData {
    /** The sales and trend window in days. */
    public static final int WINDOW_DAYS = Reports.DEFAULT_WINDOW_DAYS;
    /** The default near-expiry window in days. */
    public static final int DEFAULT_NEAR_EXPIRY_DAYS = 30;

    private static final Comparator<DashboardRow> ORDER = Comparator.comparing(DashboardRow::source)
            .thenComparing(DashboardRow::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparingLong(DashboardRow::productId);

    private final Reports reports;
    private final Clock clock;
    private final Duration nearExpiry;

    /**
     * @param reports the read model's reports
     * @param clock "now" for expiry (use the read model's clock, so both agree on "today")
     * @param nearExpiryDays lots expiring within this many days count as near expiry
     */
    public ReadModelVendorData(Reports reports, Clock clock, int nearExpiryDays) {
        this.reports = Objects.requireNonNull(reports, "reports == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        if (nearExpiryDays < 0) {
            throw new IllegalArgumentException("nearExpiryDays must be >= 0, was " + nearExpiryDays);
        }
        this.nearExpiry = Duration.ofDays(nearExpiryDays);
    }

    /** With the default near-expiry window of {@value #DEFAULT_NEAR_EXPIRY_DAYS} days. */
    public ReadModelVendorData(Reports reports, Clock clock) {
        this(reports, clock, DEFAULT_NEAR_EXPIRY_DAYS);
    }

    @Override
    public List<DashboardRow> dashboard(VendorScope scope) {
        Objects.requireNonNull(scope, "scope == null");
        List<StockStatusRow> status = reports.stockStatus(scope);
        List<ProductVelocity> velocity = reports.salesVelocity(scope, WINDOW_DAYS);
        List<LotStock> lots = reports.lotsInStock(scope);
        List<ProductForecast> forecasts = reports.forecast(status, velocity, WINDOW_DAYS);

        Map<String, ProductVelocity> velocityByKey = new HashMap<>(velocity.size() * 2);
        velocity.forEach(v -> velocityByKey.put(key(v.source(), v.productId()), v));
        Map<String, List<LotStock>> lotsByKey = new HashMap<>();
        lots.forEach(l -> lotsByKey.computeIfAbsent(key(l.source(), l.productId()), k -> new ArrayList<>()).add(l));
        Instant now = clock.instant();
        List<DashboardRow> rows = new ArrayList<>(status.size());
        for (int i = 0; i < status.size(); i++) {
            StockStatusRow s = status.get(i);
            String key = key(s.source(), s.productId());
            ProductVelocity v = velocityByKey.get(key);
            rows.add(row(s, v == null ? 0 : v.perDay(), forecasts.get(i), lotsByKey.getOrDefault(key, List.of()), now));
        }
        rows.sort(ORDER);
        return rows;
    }

    @Override
    public Optional<ProductDetail> product(VendorScope scope, String source, long productId) {
        Objects.requireNonNull(scope, "scope == null");
        Objects.requireNonNull(source, "source == null");
        Optional<ProductTrend> found = reports.productTrend(scope, source, productId, WINDOW_DAYS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProductTrend t = found.get();
        StockStatusRow s = t.status();
        List<DailySales> sales = new ArrayList<>(t.days().size());
        List<DayPoint> trend = new ArrayList<>(t.days().size());
        double total = 0;
        for (DailyStock d : t.days()) {
            sales.add(new DailySales(d.day(), d.delivered()));
            trend.add(new DayPoint(d.day(), d.delivered(), d.onHand()));
            total += d.delivered();
        }
        ProductVelocity v = new ProductVelocity(s.source(), s.productId(), s.name(), WINDOW_DAYS, total, total / WINDOW_DAYS, sales);
        ProductForecast forecast = reports.forecast(List.of(s), List.of(v), WINDOW_DAYS).get(0);
        Instant now = clock.instant();
        List<LotRow> lots = new ArrayList<>(t.lots().size());
        for (LotStock l : t.lots()) {
            lots.add(new LotRow(l.name(), day(l.expirationDate()), l.quantity(),
                    l.expirationDate() != null && !l.expirationDate().isAfter(now)));
        }
        return Optional.of(new ProductDetail(row(s, v.perDay(), forecast, t.lots(), now), trend, forecast, lots));
    }

    private DashboardRow row(StockStatusRow s, double perDay, ProductForecast f, List<LotStock> lots, Instant now) {
        Instant horizon = now.plus(nearExpiry);
        int near = 0;
        Instant nearest = null;
        for (LotStock l : lots) {
            Instant exp = l.expirationDate();
            if (exp == null) {
                continue;
            }
            if (!exp.isAfter(horizon)) {
                near++;
            }
            if (nearest == null || exp.isBefore(nearest)) {
                nearest = exp;
            }
        }
        return new DashboardRow(s.source(), s.productId(), s.name(), s.defaultCode(), s.barcode(), s.onHand(), s.incoming(),
                s.threshold(), s.status(), perDay, f.daysOfCover(), f.stockoutDate(), near, day(nearest));
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String key(String source, long productId) {
        return source + '\u0000' + productId;
    }
}
