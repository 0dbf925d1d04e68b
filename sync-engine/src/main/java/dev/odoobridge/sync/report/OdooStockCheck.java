package dev.odoobridge.sync.report;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.value.Ref;
import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.VendorScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recomputes the read model's stock status and low-stock alerts of one source on its Odoo server: the
 * scope's active storable products, on hand as Odoo's {@code qty_available}, the threshold as the sum of
 * the product's active reordering rules' {@code product_min_qty} (where it has any; otherwise the read
 * model's configured threshold applies, which Odoo does not know), and the status and low-stock alert
 * those give.
 */
public final class OdooStockCheck {
    private final OdooClient odoo;
    private final String source;
    private final Reports reports;

    /** A check of {@code source}'s stock figures in {@code reports} against {@code odoo}, that source's server. */
    public OdooStockCheck(OdooClient odoo, String source, Reports reports) {
        this.odoo = Objects.requireNonNull(odoo, "odoo == null");
        this.source = Objects.requireNonNull(source, "source == null");
        this.reports = Objects.requireNonNull(reports, "reports == null");
    }

    /** Differences of {@link Reports#stockStatus(VendorScope)} and the low-stock {@link Reports#alerts(VendorScope)}. */
    public List<ReportDifference> stockStatus(VendorScope scope) {
        Set<Long> partners = scope.partnersBySource().getOrDefault(source, Set.of());
        Set<Long> supplied = SupplierProducts.of(odoo, partners);
        String storable = odoo.version().major() >= 18 ? "is_storable" : "detailed_type";
        Object storableValue = odoo.version().major() >= 18 ? Boolean.TRUE : "product";
        Map<Long, Double> onHand = new TreeMap<>();
        if (!supplied.isEmpty()) {
            for (OdooRecord p : odoo.model("product.product").searchRead(Domains.and(Domains.in("id", new ArrayList<>(supplied)),
                    Domains.eq(storable, storableValue)), List.of("qty_available"), SearchOptions.DEFAULT)) {
                onHand.put(p.id(), p.getDouble("qty_available"));
            }
        }
        Map<Long, Double> minimums = new HashMap<>();
        if (!onHand.isEmpty()) {
            for (OdooRecord op : odoo.model("stock.warehouse.orderpoint").searchRead(Domains.in("product_id",
                    new ArrayList<>(onHand.keySet())), List.of("product_id", "product_min_qty"), SearchOptions.DEFAULT)) {
                Ref product = op.getRef("product_id");
                minimums.merge(product.id(), op.getDouble("product_min_qty"), Double::sum);
            }
        }
        Map<Long, StockStatusRow> ours = new TreeMap<>();
        reports.stockStatus(scope).stream().filter(r -> r.source().equals(source)).forEach(r -> ours.put(r.productId(), r));
        Set<Long> lowStock = new TreeSet<>();
        reports.alerts(scope).stream().filter(a -> a.source().equals(source) && a.kind() == Alert.Kind.LOW_STOCK)
                .forEach(a -> lowStock.add(a.productId()));
        Set<Long> keys = new TreeSet<>(onHand.keySet());
        keys.addAll(ours.keySet());
        List<ReportDifference> out = new ArrayList<>();
        for (Long id : keys) {
            String key = "product " + id;
            StockStatusRow row = ours.get(id);
            Double q = onHand.get(id);
            if (row == null || q == null) {
                out.add(new ReportDifference("stock", key, "listed", q == null ? 0 : 1, row == null ? 0 : 1));
                continue;
            }
            add(out, key, "on hand", q, row.onHand());
            double threshold = minimums.getOrDefault(id, row.threshold());
            add(out, key, "threshold", threshold, row.threshold());
            StockStatus status = q <= threshold ? StockStatus.URGENT : q <= 1.5 * threshold ? StockStatus.MODERATE
                    : StockStatus.HEALTHY;
            add(out, key, "status", status.ordinal(), row.status().ordinal());
            add(out, key, "low-stock alert", status == StockStatus.URGENT ? 1 : 0, lowStock.contains(id) ? 1 : 0);
        }
        return out;
    }

    private static void add(List<ReportDifference> out, String key, String figure, double odoo, double readModel) {
        if (Math.abs(odoo - readModel) > OdooReportCheck.TOLERANCE) {
            out.add(new ReportDifference("stock", key, figure, odoo, readModel));
        }
    }
}
