package dev.odoobridge.vendors.export;

import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.DailySales;
import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.ProductVelocity;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds a vendor's stock export from the read model's scoped report queries. */
public final class VendorReports {
    private final Reports reports;
    private final Clock clock;

    /** Over the read model's reports. */
    public VendorReports(Reports reports, Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * The stock export of the products in {@code scope} (the vendor's linked partners).
     *
     * @param vendor the vendor identity, printed on the report
     * @param scope the vendor's scope (from {@code VendorLinking.scopeOf})
     * @param windowDays sales window for velocity and forecast
     * @param nearExpiryDays lots expiring within this many days are listed
     */
    public VendorStockReport stockReport(String vendor, VendorScope scope, int windowDays, int nearExpiryDays) {
        Objects.requireNonNull(scope, "scope == null");
        Map<Key, ProductForecast> forecasts = new HashMap<>();
        reports.forecast(scope, windowDays).forEach(f -> forecasts.put(new Key(f.source(), f.productId()), f));
        Map<Key, ProductVelocity> velocities = new HashMap<>();
        reports.salesVelocity(scope, windowDays).forEach(v -> velocities.put(new Key(v.source(), v.productId()), v));
        Map<Key, List<VendorStockRow.LotExpiry>> lots = new HashMap<>();
        for (Alert a : reports.alerts(scope, nearExpiryDays)) {
            if (a.kind() != Alert.Kind.LOW_STOCK) {
                lots.computeIfAbsent(new Key(a.source(), a.productId()), k -> new ArrayList<>())
                        .add(new VendorStockRow.LotExpiry(a.lotName(), a.expirationDate(), a.quantity(),
                                a.kind() == Alert.Kind.EXPIRED));
            }
        }
        List<VendorStockRow> rows = new ArrayList<>();
        for (StockStatusRow s : reports.stockStatus(scope)) {
            Key key = new Key(s.source(), s.productId());
            ProductForecast f = forecasts.get(key);
            ProductVelocity v = velocities.get(key);
            List<Double> daily = v == null ? zeros(windowDays) : v.daily().stream().map(DailySales::quantity).toList();
            rows.add(new VendorStockRow(s.source(), s.productId(), s.name(), s.defaultCode(), s.barcode(), s.onHand(),
                    s.incoming(), s.threshold(), s.status().name(), v == null ? 0.0 : v.perDay(),
                    f == null ? 0.0 : f.dailyDemand(), f == null ? "NONE" : f.method().name(),
                    f == null ? null : f.daysOfCover(), f == null ? null : f.stockoutDate(),
                    lots.getOrDefault(key, List.of()), daily));
        }
        rows.sort(Comparator.comparingInt((VendorStockRow r) -> statusRank(r.status()))
                .thenComparing(VendorStockRow::source).thenComparing(r -> r.name() == null ? "" : r.name())
                .thenComparingLong(VendorStockRow::productId));
        return new VendorStockReport(vendor, clock.instant(), windowDays, rows);
    }

    private static List<Double> zeros(int n) {
        return java.util.Collections.nCopies(n, 0.0);
    }

    private static int statusRank(String status) {
        return switch (status) {
            case "URGENT" -> 0;
            case "MODERATE" -> 1;
            default -> 2;
        };
    }

    private record Key(String source, long productId) {
    }
}
