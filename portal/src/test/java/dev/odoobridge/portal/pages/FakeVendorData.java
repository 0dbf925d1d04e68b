package dev.odoobridge.portal.pages;

import dev.odoobridge.portal.data.DashboardRow;
import dev.odoobridge.portal.data.DayPoint;
import dev.odoobridge.portal.data.LotRow;
import dev.odoobridge.portal.data.ProductDetail;
import dev.odoobridge.portal.data.VendorData;
import dev.odoobridge.readmodel.report.DemandPattern;
import dev.odoobridge.readmodel.report.ForecastMethod;
import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Products of several vendors in several shops; answers only what a scope covers, as the real data must. */
final class FakeVendorData implements VendorData {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    record Product(long partnerId, DashboardRow row) {
    }

    final List<Product> products = new ArrayList<>();
    final AtomicInteger dashboardCalls = new AtomicInteger();

    FakeVendorData add(long partnerId, String source, long id, String name, String code, String barcode, double onHand,
                       double threshold, StockStatus status, double velocity) {
        Double cover = velocity > 0 ? onHand / velocity : null;
        LocalDate stockout = velocity > 0 ? TODAY.plusDays((long) (onHand / velocity)) : null;
        products.add(new Product(partnerId, new DashboardRow(source, id, name, code, barcode, onHand, 2, threshold, status,
                velocity, cover, stockout, id % 3 == 0 ? 1 : 0, id % 3 == 0 ? TODAY.plusDays(10) : null)));
        return this;
    }

    private static boolean inScope(VendorScope scope, Product p) {
        Set<Long> partners = scope.partnersBySource().get(p.row().source());
        return partners != null && partners.contains(p.partnerId());
    }

    @Override
    public List<DashboardRow> dashboard(VendorScope scope) {
        dashboardCalls.incrementAndGet();
        return products.stream().filter(p -> inScope(scope, p)).map(Product::row).toList();
    }

    @Override
    public Optional<ProductDetail> product(VendorScope scope, String source, long productId) {
        return products.stream().filter(p -> inScope(scope, p) && p.row().source().equals(source)
                && p.row().productId() == productId).findFirst().map(p -> detail(p.row()));
    }

    private static ProductDetail detail(DashboardRow r) {
        List<DayPoint> trend = new ArrayList<>();
        for (int d = 119; d >= 0; d--) {
            trend.add(new DayPoint(TODAY.minusDays(d), d % 7 == 0 ? 0 : 3, 400 - (119 - d) * 2.5));
        }
        ProductForecast f = new ProductForecast(r.source(), r.productId(), r.name(), r.onHand(), DemandPattern.SMOOTH, 1.1,
                0.2, r.dailyVelocity(), r.dailyVelocity(), ForecastMethod.MOVING_AVERAGE, r.dailyVelocity(),
                r.daysOfCover(), r.stockoutDate());
        return new ProductDetail(r, trend, f, List.of(new LotRow("LOT-<1>", TODAY.plusDays(10), 5, false),
                new LotRow("LOT-OLD", TODAY.minusDays(2), 1, true)));
    }
}
