package dev.odoobridge.portal;

import dev.odoobridge.portal.chart.TrendChart;
import dev.odoobridge.portal.data.DashboardRow;
import dev.odoobridge.portal.data.LotRow;
import dev.odoobridge.portal.data.ProductDetail;
import dev.odoobridge.portal.data.VendorData;
import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.PageModule;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.Router;
import dev.odoobridge.readmodel.report.VendorScope;
import gg.jte.Content;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal stand-in for the portal's pages, for the browser test until the real pages are on this branch: the
 * dashboard ({@code /dashboard}) and product page ({@code /product/{source}/{id}}) at the real pages' routes, in the
 * portal's real layout, showing {@link VendorData} and the {@link TrendChart}; a small stylesheet at
 * {@code /static/portal.css} (light and dark).
 */
final class StandInPages implements PageModule {
    static final String CSS = """
            :root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --sales: #2f6fbf; --stock: #b35900; }
            @media (prefers-color-scheme: dark) {
              :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9da7b3; --sales: #6cb6ff; --stock: #f0a35e; }
            }
            body { font-family: system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0 1rem; }
            a { color: var(--sales); }
            table { border-collapse: collapse; } td, th { padding: .2rem .6rem; border-bottom: 1px solid var(--muted); }
            .skip { position: absolute; left: -10000px; }
            .badge-URGENT { color: #d1242f; } .badge-MODERATE { color: #9a6700; } .badge-HEALTHY { color: #1a7f37; }
            .chart { max-width: 60rem; color: var(--fg); }
            .chart-sales { color: var(--sales); } .chart-stock { color: var(--stock); } .chart-axis, .chart-grid { color: var(--muted); }
            """;

    private final VendorData data;
    private final VendorScope scope;

    StandInPages(VendorData data, VendorScope scope) {
        this.data = data;
        this.scope = scope;
    }

    @Override
    public void register(Router router) {
        router.get("/dashboard", this::dashboard);
        router.get("/product/{source}/{id}", this::product);
        router.add("GET", "/static/portal.css", Router.Access.PUBLIC,
                e -> e.send(200, "text/css; charset=utf-8", CSS.getBytes(StandardCharsets.UTF_8)));
    }

    private void dashboard(Exchange e) {
        StringBuilder h = new StringBuilder("<h1>Your products</h1><table><thead><tr><th>Shop</th><th>Product</th>"
                + "<th>On hand</th><th>Incoming</th><th>Threshold</th><th>Status</th><th>Per day</th><th>Stockout</th>"
                + "<th>Lots near expiry</th></tr></thead><tbody>");
        for (DashboardRow r : data.dashboard(scope)) {
            h.append("<tr><td>").append(esc(r.source())).append("</td><td><a href=\"").append(e.base()).append("/product/")
                    .append(esc(r.source())).append('/').append(r.productId()).append("\">").append(esc(r.name()))
                    .append("</a></td><td>").append(num(r.onHand())).append("</td><td>").append(num(r.incoming()))
                    .append("</td><td>").append(num(r.threshold())).append("</td><td class=\"badge-").append(r.status())
                    .append("\">").append(r.status().name().toLowerCase(Locale.ROOT)).append("</td><td>")
                    .append(num(r.dailyVelocity())).append("</td><td>").append(r.stockoutDate() == null ? "" : r.stockoutDate())
                    .append("</td><td>").append(r.lotsNearExpiry()).append("</td></tr>");
        }
        h.append("</tbody></table>");
        page(e, "Dashboard", h.toString());
    }

    private void product(Exchange e) {
        ProductDetail d = data.product(scope, e.pathParam("source"), e.idParam("id")).orElseThrow(PortalException::notFound);
        StringBuilder h = new StringBuilder("<h1>").append(esc(d.row().name())).append("</h1>");
        h.append("<p>On hand ").append(num(d.row().onHand())).append(", forecast ").append(num(d.forecast().dailyDemand()))
                .append(" a day (").append(d.forecast().method()).append(")</p>");
        h.append("<figure>").append(TrendChart.svg(d.trend(), d.row().name())).append("</figure>");
        h.append("<table><thead><tr><th>Lot</th><th>Expiry</th><th>Quantity</th></tr></thead><tbody>");
        for (LotRow l : d.lots()) {
            h.append("<tr><td>").append(esc(l.lot())).append("</td><td>").append(l.expiry() == null ? "" : l.expiry())
                    .append(l.expired() ? " (expired)" : "").append("</td><td>").append(num(l.quantity())).append("</td></tr>");
        }
        h.append("</tbody></table>");
        page(e, d.row().name(), h.toString());
    }

    private static void page(Exchange e, String title, String html) {
        Content content = output -> output.writeContent(html);
        e.page("layout.jte", Map.of("frame", e.frame(title), "content", content));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
