package dev.odoobridge.api.internal;

import com.mongodb.client.model.Filters;
import dev.odoobridge.api.barcode.Gs1;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.report.AmountBasis;
import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.Granularity;
import dev.odoobridge.readmodel.report.ReportScope;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.SalesQuery;
import dev.odoobridge.readmodel.report.SourceScope;
import dev.odoobridge.readmodel.report.TopProduct;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/** Every route of the API, built once over the read model. */
final class Routes {
    private static final List<Param> PAGING = List.of(
            Param.query("limit", "integer", "Page size, 1 to " + Store.MAX_LIMIT + " (default " + Store.DEFAULT_LIMIT + ")."),
            Param.query("cursor", "string", "The previous page's next cursor."),
            Param.query("sort", "string", "Sort key, '-' prefix for descending (default id)."),
            Param.query("fields", "string", "Comma-separated fields to return (id always)."));
    private static final List<Param> ONE = List.of(Param.path("id", "integer", "Odoo id.", "1"),
            Param.query("fields", "string", "Comma-separated fields to return (id always)."));

    private final Store store;
    private final ReadModel model;
    private final Clock clock;
    private final ZoneId zone;
    private final BarcodeLookup barcodes;

    Routes(Store store, ReadModel model, Clock clock, ZoneId zone, BarcodeLookup barcodes) {
        this.store = store;
        this.model = model;
        this.clock = clock;
        this.zone = zone;
        this.barcodes = barcodes;
    }

    List<Route> all() {
        List<Route> r = new ArrayList<>();
        for (Collection c : Catalog.ALL) {
            r.add(new Route(c.name(), c.name(), c.description(), listParams(c), true, ctx -> store.page(c, ctx)));
        }
        r.add(new Route("products/{id}", "products", "One product with its stock per warehouse, vendors and lots.", ONE,
                false, this::product));
        r.add(new Route("categories/{id}", "categories", "One product category.", ONE, false,
                ctx -> one(Catalog.CATEGORIES, ctx)));
        r.add(new Route("partners/{id}", "partners", "One partner.", ONE, false, ctx -> one(Catalog.PARTNERS, ctx)));
        r.add(new Route("sale-orders/{id}", "sale-orders", "One sale order with its lines.", ONE, false,
                ctx -> withLines(Catalog.SALE_ORDERS, "sale_order_line", ctx)));
        r.add(new Route("purchase-orders/{id}", "purchase-orders", "One purchase order with its lines.", ONE, false,
                ctx -> withLines(Catalog.PURCHASE_ORDERS, "purchase_order_line", ctx)));
        r.add(new Route("lots/expired", "lots", "Lots past their expiry date, soonest expired first.",
                List.of(Param.query("limit", "integer", "Page size."), Param.query("cursor", "string", "Next cursor."),
                        Param.query("fields", "string", "Fields to return.")), true,
                ctx -> store.page(Catalog.LOTS, expiring(ctx, null))));
        r.add(new Route("lots/near-expiry", "lots", "Lots expiring within the next days (default 30), soonest first.",
                List.of(Param.query("days", "integer", "Window in days (default 30)."),
                        Param.query("limit", "integer", "Page size."), Param.query("cursor", "string", "Next cursor."),
                        Param.query("fields", "string", "Fields to return.")), true,
                ctx -> store.page(Catalog.LOTS, expiring(ctx, ctx.intParam("days", 30, 1, 3650)))));
        r.add(new Route("alerts", "alerts", "Low-stock, near-expiry and expired alerts.",
                List.of(Param.query("days", "integer", "Near-expiry window in days (default: the configured one).")), false,
                ctx -> {
                    ReportScope vs = reportScope(ctx);
                    List<Alert> a = ctx.param("days").isPresent()
                            ? model.reports().alerts(vs, ctx.intParam("days", 30, 0, 3650)) : model.reports().alerts(vs);
                    return Map.of("data", a);
                }));
        reports(r);
        r.add(new Route("dashboard", "dashboard", "Today's orders and revenue, alert counts, this week's top products.",
                List.of(), false, this::dashboard));
        r.add(new Route("barcode/{code}", "barcode", "Look a scanned code up: product barcodes (GTIN forms), GS1-128 "
                + "(01, 10, 17), Odoo's nomenclature (weight / price in EAN-13), lot names, then the external catalogue.",
                List.of(Param.path("code", "string", "The scanned code, URL-encoded. Codes with FNC1 (GS, "
                        + "a control character servers refuse in paths) go to barcode?code= instead.", "0000000000000")),
                false, barcodes::lookup));
        r.add(new Route("barcode", "barcode", "The same lookup with the code as a query parameter: for GS1-128 codes "
                + "carrying FNC1 as the GS character (%1D).",
                List.of(Param.requiredQuery("code", "string", "The scanned code, URL-encoded (GS as %1D; a ]C1 "
                        + "symbology identifier is understood).", "]C1" + "0104006381333931" + "10L-1" + Gs1.GS + "17271231")),
                false,
                barcodes::lookup));
        return List.copyOf(r);
    }

    private void reports(List<Route> r) {
        Param window = Param.query("window", "integer", "Sales window in days (default " + Reports.DEFAULT_WINDOW_DAYS + ").");
        r.add(new Route("reports/stock-status", "reports", "Stock status (urgent, moderate, healthy) per product.",
                List.of(), false, ctx -> rows(ctx, vs -> model.reports().stockStatus(vs))));
        r.add(new Route("reports/velocity", "reports", "Sales velocity (delivered quantities) per product.",
                List.of(window), false, ctx -> rows(ctx, vs -> model.reports().salesVelocity(vs, window(ctx)))));
        r.add(new Route("reports/forecast", "reports", "Demand forecast, days of cover and stockout date per product.",
                List.of(window), false, ctx -> rows(ctx, vs -> model.reports().forecast(vs, window(ctx)))));
        List<Param> period = List.of(Param.query("from", "string", "First day YYYY-MM-DD (default 30 days ago)."),
                Param.query("to", "string", "Last day YYYY-MM-DD (default today)."));
        List<Param> sales = new ArrayList<>(period);
        sales.add(Param.query("granularity", "string", "day, week or month (default day)."));
        r.add(new Route("reports/sales", "reports", "Sales per day, week or month of confirmed orders.", sales, false,
                ctx -> Map.of("data", model.reports().sales(salesQuery(ctx), granularity(ctx), from(ctx), to(ctx)))));
        List<Param> top = new ArrayList<>(period);
        top.add(Param.query("limit", "integer", "How many (default 10, at most 100)."));
        r.add(new Route("reports/top-products", "reports", "Best sellers by quantity.", top, false,
                ctx -> Map.of("data", model.reports().topProducts(salesQuery(ctx), from(ctx), to(ctx),
                        ctx.intParam("limit", 10, 1, 100)))));
        r.add(new Route("reports/customer-activity", "reports", "Orders, total and first / last purchase per customer.",
                List.of(), false, ctx -> {
                    forbidVendor(ctx, "customer activity");
                    return Map.of("data", model.reports().customerActivity(ctx.source()));
                }));
    }

    private static List<Param> listParams(Collection c) {
        List<Param> p = new ArrayList<>(PAGING);
        for (Collection.Filter f : c.filters()) {
            String type = switch (f.kind()) {
                case LONG -> "integer";
                case BOOLEAN, POSITIVE -> "boolean";
                default -> "string";
            };
            p.add(Param.query(f.param(), type, f.description()));
        }
        return p;
    }

    private Object one(Collection c, Ctx ctx) {
        long id = ctx.pathLong("id");
        return store.one(c, ctx, id).orElseThrow(() -> ApiError.notFound("no " + c.name() + " with id " + id));
    }

    private Object product(Ctx ctx) {
        long id = ctx.pathLong("id");
        DocumentJson product = store.one(Catalog.PRODUCTS, ctx, id)
                .orElseThrow(() -> ApiError.notFound("no product with id " + id));
        return product.with("stock", model.stock().product(ctx.source(), id).orElse(null))
                .with("lots", model.stock().lots(ctx.source(), id));
    }

    private Object withLines(Collection c, String lines, Ctx ctx) {
        long id = ctx.pathLong("id");
        DocumentJson order = store.one(c, ctx, id).orElseThrow(() -> ApiError.notFound("no " + c.name() + " with id " + id));
        return order.with("lines", store.children(lines, ctx.source(), "order_id.id", id));
    }

    private Ctx expiring(Ctx ctx, Integer days) {
        Map<String, String> q = new HashMap<>(ctx.query());
        q.keySet().removeAll(Set.of("expires_before", "expires_after", "days"));
        java.time.Instant now = clock.instant();
        if (days == null) {
            q.put("expires_before", now.toString());
        } else {
            q.put("expires_after", now.toString());
            q.put("expires_before", now.plus(java.time.Duration.ofDays(days)).toString());
        }
        q.put("sort", "expiry");
        return new Ctx(ctx.scope(), ctx.path(), q);
    }

    /** The vendor's scope for a vendor key; for a shop key every product of the source, with a vendor or not. */
    private static ReportScope reportScope(Ctx ctx) {
        if (ctx.vendor().isPresent()) {
            return VendorScope.of(ctx.source(), List.of(ctx.vendor().getAsLong()));
        }
        return SourceScope.of(ctx.source());
    }

    private static Object rows(Ctx ctx, java.util.function.Function<ReportScope, List<?>> query) {
        return Map.of("data", query.apply(reportScope(ctx)));
    }

    private SalesQuery salesQuery(Ctx ctx) {
        VendorScope vendor = ctx.vendor().isPresent() ? VendorScope.of(ctx.source(), List.of(ctx.vendor().getAsLong())) : null;
        return new SalesQuery(Set.of(ctx.source()), vendor, zone, AmountBasis.UNTAXED);
    }

    private static int window(Ctx ctx) {
        return ctx.intParam("window", Reports.DEFAULT_WINDOW_DAYS, 1, 3650);
    }

    private static Granularity granularity(Ctx ctx) {
        String g = ctx.param("granularity").orElse("day").toUpperCase(Locale.ROOT);
        try {
            return Granularity.valueOf(g);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("granularity must be day, week or month");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private LocalDate from(Ctx ctx) {
        return ctx.dateParam("from").orElse(today().minusDays(30));
    }

    private LocalDate to(Ctx ctx) {
        return ctx.dateParam("to").orElse(today());
    }

    private static void forbidVendor(Ctx ctx, String what) {
        if (ctx.vendor().isPresent()) {
            throw ApiError.forbidden("a vendor key cannot read " + what);
        }
    }

    private Object dashboard(Ctx ctx) {
        forbidVendor(ctx, "the shop's dashboard");
        LocalDate today = today();
        Date start = Date.from(today.atStartOfDay(zone).toInstant());
        Date end = Date.from(today.plusDays(1).atStartOfDay(zone).toInstant());
        long orders = 0;
        double revenue = 0;
        for (Document d : store.collection("sale_order").find(Filters.and(Filters.eq("_source", ctx.source()),
                Filters.in("state", SalesQuery.CONFIRMED_STATES), Filters.gte("date_order", start),
                Filters.lt("date_order", end)))) {
            orders++;
            revenue += d.get("amount_total") instanceof Number n ? n.doubleValue() : 0;
        }
        Map<String, Long> alertCounts = new TreeMap<>();
        for (Alert a : model.reports().alerts(reportScope(ctx))) {
            alertCounts.merge(a.kind().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<TopProduct> top = model.reports().topProducts(salesQuery(ctx), monday, today, 5);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", today);
        out.put("orders_today", orders);
        out.put("revenue_today", Math.round(revenue * 100) / 100.0);
        out.put("alerts", alertCounts);
        out.put("top_products_this_week", top);
        return out;
    }
}
