package dev.odoobridge.portal.pages;

import dev.odoobridge.portal.chart.TrendChart;
import dev.odoobridge.portal.data.ProductDetail;
import dev.odoobridge.portal.data.VendorData;
import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.PageModule;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.Router;
import dev.odoobridge.readmodel.report.VendorScope;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /product/{source}/{id}}: one product's numbers, its 120-day sales and stock chart (with the same data as
 * a table), forecast and lots. A product outside the vendor's scope, an unknown one and a malformed id all get the
 * same 404 page.
 */
public final class ProductPages implements PageModule {
    private final VendorData data;
    private final VendorScopes scopes;

    /**
     * @param data what the pages show
     * @param scopes the vendor's scope
     */
    public ProductPages(VendorData data, VendorScopes scopes) {
        this.data = Objects.requireNonNull(data, "data == null");
        this.scopes = Objects.requireNonNull(scopes, "scopes == null");
    }

    @Override
    public void register(Router router) {
        router.get("/product/{source}/{id}", this::product);
    }

    private void product(Exchange exchange) {
        String source = exchange.pathParam("source");
        long id = exchange.idParam("id");
        VendorScope scope = scopes.of(exchange.vendor().vendor()).orElseThrow(PortalException::notFound);
        if (!scope.partnersBySource().containsKey(source)) {
            throw PortalException.notFound();
        }
        ProductDetail detail = data.product(scope, source, id).orElseThrow(PortalException::notFound);
        if (!detail.row().source().equals(source) || detail.row().productId() != id) {
            throw PortalException.notFound();
        }
        String name = detail.row().name() == null ? "Product " + id : detail.row().name();
        String chart = TrendChart.svg(detail.trend(), "Sales and stock of " + name + " over the last "
                + detail.trend().size() + " days");
        exchange.page("product.jte", Map.of("frame", exchange.frame(name), "detail", detail, "name", name,
                "chart", chart));
    }
}
