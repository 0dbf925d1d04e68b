package dev.odoobridge.readmodel.report;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the sales reports count, the way Odoo's own sales analysis does: lines of orders in state
 * {@link #CONFIRMED_STATES} ({@code sale}: 17.0, 18.0 and 19.0 have no {@code done} state, a locked
 * order stays {@code sale}), of every product kind (storable, consumable, service, archived),
 * without section, subsection and note lines ({@code display_type} set), dated by the order's
 * {@code date_order} in {@link #zone()}, with amounts per {@link #amount()}.
 *
 * @param sources the sources to report on; empty means every source
 * @param vendor when not null, only the products this vendor scope supplies (through
 *     product.supplierinfo, variant or template) — a restriction by product id that never drops
 *     lines for lack of stock data
 * @param zone the time zone in which order dates fall into days, weeks and months (Odoo groups by
 *     the user's {@code tz}); {@code from} / {@code to} days are in this zone too
 * @param amount which line amount to sum
 */
public record SalesQuery(Set<String> sources, VendorScope vendor, ZoneId zone, AmountBasis amount) {
    /** Order states that count as sold: Odoo's confirmed sales orders. */
    public static final List<String> CONFIRMED_STATES = List.of("sale");

    /** Validates and copies. */
    public SalesQuery {
        sources = Set.copyOf(Objects.requireNonNull(sources, "sources == null"));
        Objects.requireNonNull(zone, "zone == null");
        Objects.requireNonNull(amount, "amount == null");
    }

    /** Every source, no vendor restriction, UTC, untaxed amounts. */
    public static SalesQuery all() {
        return new SalesQuery(Set.of(), null, ZoneOffset.UTC, AmountBasis.UNTAXED);
    }

    /** The products of a vendor scope in its sources, UTC, untaxed amounts. */
    public static SalesQuery of(VendorScope vendor) {
        Objects.requireNonNull(vendor, "vendor == null");
        return new SalesQuery(vendor.partnersBySource().keySet(), vendor, ZoneOffset.UTC, AmountBasis.UNTAXED);
    }

    /** This query over these sources only (empty: all). */
    public SalesQuery withSources(Set<String> sources) {
        return new SalesQuery(sources, vendor, zone, amount);
    }

    /** This query with another time zone. */
    public SalesQuery withZone(ZoneId zone) {
        return new SalesQuery(sources, vendor, zone, amount);
    }

    /** This query summing another amount. */
    public SalesQuery withAmount(AmountBasis amount) {
        return new SalesQuery(sources, vendor, zone, amount);
    }
}
