package dev.odoobridge.readmodel.stock;

import java.util.List;
import java.util.Optional;

/** Point reads of the derived stock views (shop-side; vendor-facing queries live in the reports). */
public interface StockViews {

    /** The derived stock of one product, if the product or any of its stock is synced. */
    Optional<ProductStock> product(String source, long productId);

    /** The lots of one product with their expiry and quantity, by expiry date. */
    List<LotStock> lots(String source, long productId);

    /**
     * Recomputes every product and lot stock view of the source from the stored Odoo records, as a change to each
     * product would: for views built by an earlier version (for example before the views kept each product's daily
     * deliveries, or in the older shape of those), which are otherwise rebuilt only when something of their product
     * changes. Views that come out unchanged are not written. Implementations that do not maintain views (e.g. test
     * doubles) keep this default, which throws {@link UnsupportedOperationException}.
     *
     * @param source the source name
     * @return the number of product stock views recomputed
     */
    default long rebuild(String source) {
        throw new UnsupportedOperationException(getClass().getName() + " does not maintain stock views");
    }
}
