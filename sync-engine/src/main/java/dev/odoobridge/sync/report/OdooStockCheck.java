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
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.sync.schema.Feature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recomputes the read model's stock status and low-stock alerts of one source on its Odoo server: the
 * scope's active storable products, on hand as Odoo's {@code qty_available}, the threshold as the sum of
 * the product's active reordering rules' {@code product_min_qty} (where it has any; otherwise the read
 * model's configured threshold applies, which Odoo does not know), and the status and low-stock alert
 * those give; and the near-expiry and expired lot alerts where the server has lot expiry dates (see
 * {@link #lotExpiry(VendorScope, int, Instant)}).
 */
public final class OdooStockCheck {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final OdooClient odoo;
    private final String source;
    private final Reports reports;

    /** A check of {@code source}'s stock figures in {@code reports} against {@code odoo}, that source's server. */
    public OdooStockCheck(OdooClient odoo, String source, Reports reports) {
        this.odoo = Objects.requireNonNull(odoo, "odoo == null");
        this.source = Objects.requireNonNull(source, "source == null");
        this.reports = Objects.requireNonNull(reports, "reports == null");
    }

    /**
     * Odoo's stock status of the scope's active storable products, by product id: on hand ({@code qty_available})
     * against the sum of the product's active reordering rules' {@code product_min_qty}, or the read model's
     * configured threshold (which Odoo does not know) where the product has no rule.
     */
    public Map<Long, OdooStock> odooStock(VendorScope scope) {
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
        Map<Long, Double> configured = new HashMap<>();
        reports.stockStatus(scope).stream().filter(r -> r.source().equals(source))
                .forEach(r -> configured.put(r.productId(), r.threshold()));
        Map<Long, OdooStock> out = new TreeMap<>();
        onHand.forEach((id, q) -> {
            Double threshold = minimums.containsKey(id) ? minimums.get(id) : configured.get(id);
            if (threshold != null) {
                StockStatus status = q <= threshold ? StockStatus.URGENT : q <= 1.5 * threshold ? StockStatus.MODERATE
                        : StockStatus.HEALTHY;
                out.put(id, new OdooStock(q, threshold, status));
            } else {
                out.put(id, new OdooStock(q, Double.NaN, null));
            }
        });
        return out;
    }

    /**
     * One product's stock as Odoo gives it.
     *
     * @param onHand {@code qty_available}
     * @param threshold the reordering rules' minimum, else the read model's configured threshold, else NaN (the
     *     read model does not list the product)
     * @param status the status those give, or null without a threshold
     */
    public record OdooStock(double onHand, double threshold, StockStatus status) {
    }

    /** Differences of {@link Reports#stockStatus(VendorScope)} and the low-stock {@link Reports#alerts(VendorScope)}. */
    public List<ReportDifference> stockStatus(VendorScope scope) {
        Map<Long, OdooStock> theirs = odooStock(scope);
        Map<Long, StockStatusRow> ours = new TreeMap<>();
        reports.stockStatus(scope).stream().filter(r -> r.source().equals(source)).forEach(r -> ours.put(r.productId(), r));
        Set<Long> lowStock = new TreeSet<>();
        reports.alerts(scope).stream().filter(a -> a.source().equals(source) && a.kind() == Alert.Kind.LOW_STOCK)
                .forEach(a -> lowStock.add(a.productId()));
        Set<Long> keys = new TreeSet<>(theirs.keySet());
        keys.addAll(ours.keySet());
        List<ReportDifference> out = new ArrayList<>();
        for (Long id : keys) {
            String key = "product " + id;
            StockStatusRow row = ours.get(id);
            OdooStock o = theirs.get(id);
            if (row == null || o == null) {
                out.add(new ReportDifference("stock", key, "listed", o == null ? 0 : 1, row == null ? 0 : 1));
                continue;
            }
            add(out, key, "on hand", o.onHand(), row.onHand());
            add(out, key, "threshold", o.threshold(), row.threshold());
            add(out, key, "status", o.status().ordinal(), row.status().ordinal());
            add(out, key, "low-stock alert", o.status() == StockStatus.URGENT ? 1 : 0, lowStock.contains(id) ? 1 : 0);
        }
        return out;
    }

    /**
     * Differences of the near-expiry and expired {@link Reports#alerts(VendorScope, int)} at {@code now} (the
     * read model's clock must give the same instant), or empty when the server has no lot expiry dates
     * ({@code stock.lot.expiration_date}, {@link Feature#LOT_EXPIRY}: install product_expiry), so there is
     * nothing to check.
     *
     * <p>Odoo's side, per lot of the scope's products: the stock is the sum of the lot's quants in internal
     * locations (stock.quant grouped by {@code lot_id}), and the lot alerts when that sum is positive; a lot is
     * expired by product_expiry's own definition ({@code product_expiry_alert}: {@code expiration_date <= now})
     * and near expiry when its expiration date falls within {@code nearExpiryDays} after now. The read model's
     * window replaces product_expiry's per-product {@code alert_date}: a vendor asks for one horizon.
     */
    public Optional<List<ReportDifference>> lotExpiry(VendorScope scope, int nearExpiryDays, Instant now) {
        Optional<Map<Long, OdooLot>> odooLots = odooLots(scope, nearExpiryDays, now);
        if (odooLots.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, OdooLot> theirs = odooLots.get();
        Map<Long, Alert> ours = new TreeMap<>();
        reports.alerts(scope, nearExpiryDays).stream()
                .filter(a -> a.source().equals(source) && a.kind() != Alert.Kind.LOW_STOCK)
                .forEach(a -> ours.put(a.lotId(), a));
        Set<Long> keys = new TreeSet<>(theirs.keySet());
        keys.addAll(ours.keySet());
        List<ReportDifference> out = new ArrayList<>();
        for (Long id : keys) {
            String key = "lot " + id;
            OdooLot lot = theirs.get(id);
            Alert alert = ours.get(id);
            if (lot == null || alert == null) {
                out.add(new ReportDifference("expiry", key, "listed", lot == null ? 0 : 1, alert == null ? 0 : 1));
                continue;
            }
            add(out, "expiry", key, "expired", lot.kind() == Alert.Kind.EXPIRED ? 1 : 0,
                    alert.kind() == Alert.Kind.EXPIRED ? 1 : 0);
            add(out, "expiry", key, "quantity", lot.quantity(), alert.quantity());
            add(out, "expiry", key, "product id", lot.productId(), alert.productId());
            add(out, "expiry", key, "expiration (epoch seconds)", lot.expirationDate().getEpochSecond(),
                    alert.expirationDate() == null ? 0 : alert.expirationDate().getEpochSecond());
        }
        return Optional.of(out);
    }

    /**
     * Odoo's expired and near-expiry lots of the scope's products at {@code now}, by lot id, as
     * {@link #lotExpiry(VendorScope, int, Instant)} defines them; empty when the server has no lot expiry dates.
     */
    public Optional<Map<Long, OdooLot>> odooLots(VendorScope scope, int nearExpiryDays, Instant now) {
        Objects.requireNonNull(now, "now == null");
        if (odoo.model("stock.lot").fieldsGet(List.of("type")).field("expiration_date").isEmpty()) {
            return Optional.empty();
        }
        Set<Long> supplied = SupplierProducts.of(odoo, scope.partnersBySource().getOrDefault(source, Set.of()));
        Map<Long, Double> stock = new TreeMap<>();
        if (!supplied.isEmpty()) {
            Domain domain = Domains.and(Domains.ne("lot_id", false), Domains.eq("location_id.usage", "internal"),
                    Domains.in("product_id", new ArrayList<>(supplied)), Domains.ne("lot_id.expiration_date", false),
                    Domains.le("lot_id.expiration_date", wire(now.plus(Duration.ofDays(nearExpiryDays)))));
            for (OdooRecord row : OdooReportCheck.group(odoo, "stock.quant", domain, "lot_id", List.of("quantity"))) {
                double quantity = OdooReportCheck.sum(row, "quantity");
                if (quantity > 0) {
                    stock.put(row.getRef("lot_id").id(), quantity);
                }
            }
        }
        Map<Long, OdooLot> out = new TreeMap<>();
        if (!stock.isEmpty()) {
            for (OdooRecord lot : odoo.model("stock.lot").read(new ArrayList<>(stock.keySet()),
                    List.of("product_id", "expiration_date"))) {
                Instant expires = lot.getInstant("expiration_date");
                // product_expiry's product_expiry_alert: expiration_date <= now
                Alert.Kind kind = expires.isAfter(now) ? Alert.Kind.NEAR_EXPIRY : Alert.Kind.EXPIRED;
                out.put(lot.id(), new OdooLot(lot.getRef("product_id").id(), stock.get(lot.id()), expires, kind));
            }
        }
        return Optional.of(out);
    }

    /**
     * One lot's expiry alert as Odoo gives it.
     *
     * @param productId the lot's product.product id
     * @param quantity the sum of its quants in internal locations
     * @param expirationDate its {@code expiration_date}
     * @param kind {@link Alert.Kind#EXPIRED} or {@link Alert.Kind#NEAR_EXPIRY}
     */
    public record OdooLot(long productId, double quantity, Instant expirationDate, Alert.Kind kind) {
    }

    private static String wire(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(WIRE);
    }

    private static void add(List<ReportDifference> out, String report, String key, String figure, double odoo,
                            double readModel) {
        if (Math.abs(odoo - readModel) > OdooReportCheck.TOLERANCE) {
            out.add(new ReportDifference(report, key, figure, odoo, readModel));
        }
    }

    private static void add(List<ReportDifference> out, String key, String figure, double odoo, double readModel) {
        if (Math.abs(odoo - readModel) > OdooReportCheck.TOLERANCE) {
            out.add(new ReportDifference("stock", key, figure, odoo, readModel));
        }
    }
}
