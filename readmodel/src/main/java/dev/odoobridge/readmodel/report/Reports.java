package dev.odoobridge.readmodel.report;

import dev.odoobridge.readmodel.stock.LotStock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Report queries over the read model. Every vendor-facing query takes a {@link VendorScope} and
 * returns only products supplied by the scope's partners; the scope is applied inside the MongoDB
 * aggregation. "Now" is the read model's clock. Sales figures are asked through a {@link SalesQuery} only
 * (its vendor scope, zone and amount basis), so every sales path counts what Odoo counts.
 */
public interface Reports {
    /** Default sales window in days. */
    int DEFAULT_WINDOW_DAYS = 120;

    /** Stock status of every active product in the scope, by source and product id. */
    List<StockStatusRow> stockStatus(VendorScope scope);

    /**
     * Sales velocity over the last {@code windowDays} days (today included, days in UTC) of products in the scope
     * that sold: quantities delivered, i.e. done stock moves from an internal to a customer location (Odoo's
     * stock.move, not the sale order lines {@link #sales(SalesQuery, Granularity, LocalDate, LocalDate)} counts).
     * Windows of up to 400 days are read from the daily deliveries the stock views keep (one query on the views,
     * no move read), longer ones and views built before those existed from the moves; both give the same result.
     */
    List<ProductVelocity> salesVelocity(VendorScope scope, int windowDays);

    /** Demand forecast, days of cover and stockout date of every active product in the scope. */
    List<ProductForecast> forecast(VendorScope scope, int windowDays);

    /** Low-stock, near-expiry (within the configured days) and expired alerts in the scope. */
    List<Alert> alerts(VendorScope scope);

    /** As {@link #alerts(VendorScope)} with another near-expiry window. */
    List<Alert> alerts(VendorScope scope, int nearExpiryDays);

    /**
     * Sales per period of the lines {@code query} counts, of orders dated in {@code [from, to]} (days in
     * the query's zone), oldest first; periods without sales are left out.
     */
    List<SalesPeriod> sales(SalesQuery query, Granularity granularity, LocalDate from, LocalDate to);

    /**
     * Best sellers among the lines {@code query} counts, of orders dated in {@code [from, to]}: by quantity,
     * then amount, then source and product id.
     */
    List<TopProduct> topProducts(SalesQuery query, LocalDate from, LocalDate to, int limit);

    /**
     * As {@link #stockStatus(VendorScope)} for any scope; with a {@link SourceScope}, every active product of
     * the sources, vendors or not (the shop's view).
     */
    List<StockStatusRow> stockStatus(ReportScope scope);

    /** As {@link #salesVelocity(VendorScope, int)} for any scope. */
    List<ProductVelocity> salesVelocity(ReportScope scope, int windowDays);

    /** As {@link #forecast(VendorScope, int)} for any scope. */
    List<ProductForecast> forecast(ReportScope scope, int windowDays);

    /** As {@link #alerts(VendorScope, int)} for any scope. */
    List<Alert> alerts(ReportScope scope, int nearExpiryDays);

    /** As {@link #alerts(VendorScope)} for any scope. */
    List<Alert> alerts(ReportScope scope);

    /** Shop-side (not for vendors): activity of every customer with a confirmed order in the source, latest first. */
    List<CustomerActivity> customerActivity(String source);

    /**
     * Lots with stock (a positive quantity in internal locations) of every product in the scope, by source, product id,
     * expiry (lots without expiry last) and lot id; expired lots included.
     */
    List<LotStock> lotsInStock(VendorScope scope);

    /**
     * One product's stock status, its last {@code days} days (today included, days in UTC) of deliveries, receipts
     * and reconstructed end-of-day on hand, and its lots in stock; empty when the product is not an active stocked
     * product in the scope (or unknown).
     */
    Optional<ProductTrend> productTrend(VendorScope scope, String source, long productId, int days);

    /**
     * The forecasts of {@link #forecast(VendorScope, int)} computed from rows and velocities already read (with
     * {@link #stockStatus} and {@link #salesVelocity} over {@code windowDays}), without another query: one per row, in
     * the rows' order; a row without a velocity has had no sales in the window.
     */
    List<ProductForecast> forecast(List<StockStatusRow> rows, List<ProductVelocity> velocity, int windowDays);

    /**
     * A dashboard's data in one pass: the stock status, sales velocity over {@code windowDays} and forecast of every
     * active stocked product in the scope, and the lots in stock of every product in the scope. The numbers are those of
     * {@link #stockStatus(ReportScope)}, {@link #salesVelocity(ReportScope, int)}, {@link #forecast(ReportScope, int)}
     * and {@link #lotsInStock(VendorScope)} (for a {@link SourceScope}, every lot in stock of its sources), but the
     * scope's stock views are read once (status, kept deliveries and the product ids the lots are matched against) and
     * no per-day series is built: one query on the views and one on the lots, the velocity read from the moves only
     * where {@link #salesVelocity(ReportScope, int)} would.
     */
    StockOverview stockOverview(ReportScope scope, int windowDays);
}
