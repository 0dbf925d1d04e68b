package dev.odoobridge.readmodel.stock;

import java.util.List;
import java.util.Optional;

/** Point reads of the derived stock views (shop-side; vendor-facing queries live in the reports). */
public interface StockViews {

    /** The derived stock of one product, if the product or any of its stock is synced. */
    Optional<ProductStock> product(String source, long productId);

    /** The lots of one product with their expiry and quantity, by expiry date. */
    List<LotStock> lots(String source, long productId);
}
