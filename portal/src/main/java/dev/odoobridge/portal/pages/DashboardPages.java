package dev.odoobridge.portal.pages;

import dev.odoobridge.portal.data.DashboardRow;
import dev.odoobridge.portal.data.VendorData;
import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.PageModule;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.Router;
import dev.odoobridge.readmodel.report.VendorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /dashboard}: every product of every linked shop with its stock,
 * status, velocity, cover and lots near expiry; search, filters and sort as a plain GET form, {@value
 * DashboardView#PAGE_SIZE} rows a page. One read of the vendor's rows per request; filtering, sorting and paging are
 * in memory, and the page renders through the compiled template.
 */
public final class DashboardPages implements PageModule {
    private final VendorData data;
    private final VendorScopes scopes;

    /**
     * @param data what the pages show
     * @param scopes the vendor's scope
     */
    public DashboardPages(VendorData data, VendorScopes scopes) {
        this.data = Objects.requireNonNull(data, "data == null");
        this.scopes = Objects.requireNonNull(scopes, "scopes == null");
    }

    @Override
    public void register(Router router) {
        router.get("/dashboard", this::dashboard);
    }

    private void dashboard(Exchange exchange) {
        String vendor = exchange.vendor().vendor();
        Optional<VendorScope> scope = scopes.of(vendor);
        List<String> shops = scope.map(s -> s.partnersBySource().keySet().stream().sorted().toList()).orElse(List.of());
        DashboardQuery query = DashboardQuery.parse(exchange, shops);
        DashboardView view = scope.map(s -> view(exchange.base(), shops, query, data.dashboard(s)))
                .orElseGet(() -> new DashboardView(exchange.base(), false, List.of(), query, List.of(), 0, 0, 0, 0, 0, 1));
        exchange.page("dashboard.jte", Map.of("frame", exchange.frame("Dashboard"), "view", view));
    }

    static DashboardView view(String base, List<String> shops, DashboardQuery query, List<DashboardRow> all) {
        int urgent = 0;
        int moderate = 0;
        int healthy = 0;
        String needle = query.needle();
        List<DashboardRow> matching = new ArrayList<>();
        for (DashboardRow r : all) {
            switch (r.status()) {
                case URGENT -> urgent++;
                case MODERATE -> moderate++;
                default -> healthy++;
            }
            if (query.matches(r, needle)) {
                matching.add(r);
            }
        }
        matching.sort(query.order());
        int pages = Math.max(1, (matching.size() + DashboardView.PAGE_SIZE - 1) / DashboardView.PAGE_SIZE);
        if (query.page() > pages) {
            throw PortalException.badRequest("There is no page " + query.page() + " of this list; it has " + pages + ".");
        }
        int from = (query.page() - 1) * DashboardView.PAGE_SIZE;
        List<DashboardRow> page = matching.subList(from, Math.min(matching.size(), from + DashboardView.PAGE_SIZE));
        return new DashboardView(base, true, shops, query, page, matching.size(), all.size(), urgent, moderate, healthy,
                pages);
    }
}
