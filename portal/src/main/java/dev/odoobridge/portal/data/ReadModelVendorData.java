package dev.odoobridge.portal.data;

import dev.odoobridge.readmodel.report.DailySales;
import dev.odoobridge.readmodel.report.DailyStock;
import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.ProductOverview;
import dev.odoobridge.readmodel.report.ProductTrend;
import dev.odoobridge.readmodel.report.ProductVelocity;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.StockOverview;
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
 * {@link VendorData} from the read model's {@link Reports}. The dashboard costs the same two queries whatever the number
 * of products or shops: {@link Reports#stockOverview} reads the scope's stock views once (status, sales velocity over
 * {@value #WINDOW_DAYS} days from the daily deliveries the views keep, and forecast of every product) and its lots in
 * stock, the scope applied inside both; the lots are joined per product in memory. A product page reads one product's
 * status, its moves of the window and its lots.
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
        StockOverview overview = reports.stockOverview(scope, WINDOW_DAYS);
        Map<String, List<LotStock>> lotsByKey = new HashMap<>();
        overview.lots().forEach(l -> lotsByKey.computeIfAbsent(key(l.source(), l.productId()), k -> new ArrayList<>()).add(l));
        Instant now = clock.instant();
        List<DashboardRow> rows = new ArrayList<>(overview.products().size());
        for (ProductOverview p : overview.products()) {
            StockStatusRow s = p.status();
            rows.add(row(s, p.perDay(), p.forecast(), lotsByKey.getOrDefault(key(s.source(), s.productId()), List.of()), now));
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
