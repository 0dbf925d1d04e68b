package dev.odoobridge.portal.data;

import dev.odoobridge.readmodel.report.VendorScope;
import java.util.List;
import java.util.Optional;

/**
 * What the portal's pages show of a vendor's products, read from the read model and always limited to the vendor's
 * scope (the scope is the first stage of every query; a product outside it is simply absent).
 */
public interface VendorData {

    /** Every active product of the scope in every linked shop, by source then name. */
    List<DashboardRow> dashboard(VendorScope scope);

    /** One product with its 120-day trend, forecast and lots; empty when it is not in the scope (or unknown). */
    Optional<ProductDetail> product(VendorScope scope, String source, long productId);
}
