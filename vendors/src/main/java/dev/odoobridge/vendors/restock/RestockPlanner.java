package dev.odoobridge.vendors.restock;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.readmodel.stock.ProductStock;
import dev.odoobridge.readmodel.stock.StockViews;
import dev.odoobridge.readmodel.stock.VendorInfo;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proposes restocking of a vendor's urgent products and, on confirmation, creates the proposal
 * as draft purchase orders in Odoo.
 *
 * <p>For each URGENT product in the scope: {@code need = coverDays × forecast daily demand +
 * threshold − on hand − incoming}. When {@code need <= 0} the product is covered. Otherwise the
 * quantity is at least the supplier's {@code min_qty} and rounded up to a multiple of it (the
 * pack size; whole units when the supplier has none). The supplier is the cheapest of the
 * product's vendor lines whose partner is in the scope. Lines are grouped per (source, partner).
 */
public final class RestockPlanner {
    /** Default days of demand an order covers. */
    public static final int DEFAULT_COVER_DAYS = 30;
    /** Models re-synced after orders are created. */
    public static final List<String> PURCHASE_MODELS = List.of("purchase.order", "purchase.order.line");
    private static final Logger LOG = LoggerFactory.getLogger(RestockPlanner.class);
    private static final double EPSILON = 1e-9;

    private final Reports reports;
    private final Map<String, OdooClient> sources;
    private final StockViews stock;
    private final Clock clock;

    /**
     * @param reports the read model's reports (status and forecasts)
     * @param sources Odoo clients by source name, used by {@link #apply}
     * @param stock the read model's stock views (supplier lines of each product)
     */
    public RestockPlanner(Reports reports, Map<String, OdooClient> sources, StockViews stock) {
        this(reports, sources, stock, Clock.systemUTC());
    }

    /** As {@link #RestockPlanner(Reports, Map, StockViews)} with a clock for the plan's time stamp. */
    public RestockPlanner(Reports reports, Map<String, OdooClient> sources, StockViews stock, Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports == null");
        this.sources = Map.copyOf(Objects.requireNonNull(sources, "sources == null"));
        this.stock = Objects.requireNonNull(stock, "stock == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** A dry run covering {@value #DEFAULT_COVER_DAYS} days with the default sales window. */
    public RestockPlan plan(VendorScope scope) {
        return plan(scope, DEFAULT_COVER_DAYS, Reports.DEFAULT_WINDOW_DAYS);
    }

    /**
     * A dry run: nothing is written.
     *
     * @param scope the vendor's partners per source
     * @param coverDays days of forecast demand to cover (>= 1)
     * @param windowDays sales window of the forecast (>= 1)
     */
    public RestockPlan plan(VendorScope scope, int coverDays, int windowDays) {
        Objects.requireNonNull(scope, "scope == null");
        if (coverDays < 1 || windowDays < 1) {
            throw new IllegalArgumentException("coverDays and windowDays must be >= 1, were " + coverDays + " and "
                    + windowDays);
        }
        Map<String, ProductForecast> forecasts = new HashMap<>();
        reports.forecast(scope, windowDays).forEach(f -> forecasts.put(key(f.source(), f.productId()), f));
        Map<String, List<RestockLine>> linesByOrder = new LinkedHashMap<>();
        Map<String, VendorInfo> supplierByOrder = new HashMap<>();
        List<RestockLine> covered = new ArrayList<>();
        for (StockStatusRow row : reports.stockStatus(scope)) {
            if (row.status() != StockStatus.URGENT) {
                continue;
            }
            Optional<VendorInfo> supplier = supplier(row, scope.partnersBySource().getOrDefault(row.source(), Set.of()));
            if (supplier.isEmpty()) {
                LOG.warn("product {} of {} is in the vendor scope but has no supplier line of it in the stock view;"
                        + " re-sync product.supplierinfo", row.productId(), row.source());
                continue;
            }
            ProductForecast f = forecasts.get(key(row.source(), row.productId()));
            RestockLine line = line(row, supplier.get(), f == null ? 0.0 : f.dailyDemand(), coverDays);
            if (line.quantity() == 0) {
                covered.add(line);
            } else {
                String order = key(row.source(), supplier.get().partnerId());
                linesByOrder.computeIfAbsent(order, k -> new ArrayList<>()).add(line);
                supplierByOrder.put(order, supplier.get());
            }
        }
        List<RestockOrder> orders = new ArrayList<>();
        linesByOrder.forEach((order, lines) -> {
            VendorInfo v = supplierByOrder.get(order);
            orders.add(new RestockOrder(lines.get(0).source(), v.partnerId(), v.name(), lines));
        });
        orders.sort(Comparator.comparing(RestockOrder::source).thenComparingLong(RestockOrder::partnerId));
        return new RestockPlan(coverDays, windowDays, clock.instant(), orders, covered);
    }

    /** Creates the plan's orders as drafts in Odoo without re-syncing them. */
    public List<CreatedOrder> apply(RestockPlan plan) {
        return new PurchaseOrderWriter(sources).create(plan);
    }

    /**
     * Creates the plan's orders as drafts in Odoo (never confirmed), then runs an incremental sync
     * of {@link #PURCHASE_MODELS} for each affected source so the read model shows them.
     *
     * @throws IllegalStateException when the re-sync does not succeed (the orders exist in Odoo;
     *                               the next sync brings them in)
     */
    public List<CreatedOrder> apply(RestockPlan plan, SyncEngine engine) {
        Objects.requireNonNull(engine, "engine == null");
        List<CreatedOrder> created = apply(plan);
        String[] touched = created.stream().map(CreatedOrder::source).distinct().toArray(String[]::new);
        if (touched.length > 0) {
            SyncReport report = engine.run(SyncRequest.incremental().withSources(touched)
                    .withModels(PURCHASE_MODELS.toArray(String[]::new)));
            if (report.outcome() != Outcome.OK) {
                throw new IllegalStateException("created purchase orders " + created.stream().map(CreatedOrder::orderId)
                        .toList() + " in Odoo, but re-syncing them failed (" + report.models().stream()
                        .map(m -> m.source() + " " + m.model() + ": " + m.describeOutcome()).toList()
                        + "); run a sync of purchase.order and purchase.order.line");
            }
        }
        return created;
    }

    private Optional<VendorInfo> supplier(StockStatusRow row, Set<Long> partners) {
        return stock.product(row.source(), row.productId()).map(ProductStock::vendors).orElse(List.of()).stream()
                .filter(v -> partners.contains(v.partnerId()))
                .min(Comparator.comparingDouble(VendorInfo::price).thenComparingLong(VendorInfo::partnerId));
    }

    static RestockLine line(StockStatusRow row, VendorInfo supplier, double dailyDemand, int coverDays) {
        double need = coverDays * dailyDemand + row.threshold() - row.onHand() - row.incoming();
        String needText = String.format(Locale.ROOT, "%d d × %s/d + threshold %s − on hand %s − incoming %s = %s",
                coverDays, num(dailyDemand), num(row.threshold()), num(row.onHand()), num(row.incoming()), num(need));
        double quantity;
        String reason;
        if (need <= EPSILON) {
            quantity = 0;
            reason = "covered: " + needText;
        } else {
            quantity = roundUp(Math.max(need, supplier.minQty()), supplier.minQty());
            reason = needText + (supplier.minQty() > 0 ? ", min/pack " + num(supplier.minQty()) : ", whole units")
                    + " → " + num(quantity);
        }
        return new RestockLine(row.source(), row.productId(), row.name(), row.onHand(), row.incoming(), row.threshold(),
                dailyDemand, supplier.minQty(), supplier.price(), quantity, reason);
    }

    /** Rounds up to a multiple of {@code pack} (whole units when there is no pack size). */
    static double roundUp(double quantity, double pack) {
        double unit = pack > 0 ? pack : 1;
        return Math.ceil(quantity / unit - EPSILON) * unit;
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.2f", d).replaceAll("\\.?0+$", "");
    }

    private static String key(String source, long id) {
        return source + '\u0000' + id;
    }
}
