package dev.odoobridge.portal.pages;

import dev.odoobridge.portal.data.DashboardRow;
import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.readmodel.report.StockStatus;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The dashboard's search, filters, sort and page, validated: an unknown status, shop, column or direction, or a page
 * that is not a positive number, is a 400 page.
 *
 * @param q text searched in name, reference and barcode (case-insensitive), or null
 * @param status the status shown, or null for all
 * @param shop the shop shown, or null for all linked shops
 * @param sort the sort column (one of {@link #COLUMNS})
 * @param descending true for descending order
 * @param page the page, 1-based
 */
public record DashboardQuery(String q, StockStatus status, String shop, String sort, boolean descending, int page) {
    /** Longest search text. */
    public static final int MAX_SEARCH_CHARS = 200;
    /** Sortable columns by their parameter value, with the header text. */
    public static final Map<String, String> COLUMNS;
    private static final Map<String, Comparator<DashboardRow>> ORDER = new LinkedHashMap<>();

    static {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("shop", "Shop");
        c.put("name", "Product");
        c.put("reference", "Reference");
        c.put("status", "Status");
        c.put("on_hand", "On hand");
        c.put("incoming", "Incoming");
        c.put("threshold", "Threshold");
        c.put("velocity", "Sold per day");
        c.put("cover", "Days of cover");
        c.put("stockout", "Stockout");
        c.put("expiry", "Lots near expiry");
        COLUMNS = java.util.Collections.unmodifiableMap(c);
        ORDER.put("shop", Comparator.comparing(DashboardRow::source));
        ORDER.put("name", text(DashboardRow::name));
        ORDER.put("reference", text(DashboardRow::defaultCode));
        ORDER.put("status", Comparator.comparing(DashboardRow::status));
        ORDER.put("on_hand", Comparator.comparingDouble(DashboardRow::onHand));
        ORDER.put("incoming", Comparator.comparingDouble(DashboardRow::incoming));
        ORDER.put("threshold", Comparator.comparingDouble(DashboardRow::threshold));
        ORDER.put("velocity", Comparator.comparingDouble(DashboardRow::dailyVelocity));
        // no demand means endless cover: last when ascending
        ORDER.put("cover", Comparator.comparing(DashboardRow::daysOfCover, Comparator.nullsLast(Comparator.naturalOrder())));
        ORDER.put("stockout", Comparator.comparing(DashboardRow::stockoutDate, Comparator.nullsLast(Comparator.naturalOrder())));
        ORDER.put("expiry", Comparator.comparingInt(DashboardRow::lotsNearExpiry));
    }

    /** The default view: everything, urgent first. */
    public static final DashboardQuery DEFAULT = new DashboardQuery(null, null, null, "status", false, 1);

    /**
     * Reads and validates the query of a dashboard request.
     *
     * @param exchange the request
     * @param shops the vendor's linked shops (the only valid {@code shop} values)
     */
    public static DashboardQuery parse(Exchange exchange, Collection<String> shops) {
        String q = exchange.query("q").map(String::strip).orElse(null);
        if (q != null && q.length() > MAX_SEARCH_CHARS) {
            throw PortalException.badRequest("The search text is too long (at most " + MAX_SEARCH_CHARS + " characters).");
        }
        StockStatus status = exchange.query("status").map(DashboardQuery::status).orElse(null);
        String shop = exchange.query("shop").orElse(null);
        if (shop != null && !shops.contains(shop)) {
            throw PortalException.badRequest("That shop is not one of your linked shops.");
        }
        String sort = exchange.query("sort").orElse(DEFAULT.sort());
        if (!COLUMNS.containsKey(sort)) {
            throw PortalException.badRequest("The table cannot be sorted by that column.");
        }
        String dir = exchange.query("dir").orElse("asc");
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw PortalException.badRequest("The sort direction is asc or desc.");
        }
        int page = exchange.query("page").map(DashboardQuery::page).orElse(1);
        return new DashboardQuery(q == null || q.isEmpty() ? null : q, status, shop, sort, dir.equals("desc"), page);
    }

    /** True when the row passes the search and the filters. */
    public boolean matches(DashboardRow row, String needle) {
        if (status != null && row.status() != status) {
            return false;
        }
        if (shop != null && !shop.equals(row.source())) {
            return false;
        }
        return needle == null || contains(row.name(), needle) || contains(row.defaultCode(), needle)
                || contains(row.barcode(), needle);
    }

    /** The search text lower-cased for {@link #matches}, or null. */
    public String needle() {
        return q == null ? null : q.toLowerCase(Locale.ROOT);
    }

    /** The order of the rows: the sort column, then shop, name and id so pages are stable. */
    public Comparator<DashboardRow> order() {
        Comparator<DashboardRow> c = ORDER.get(sort);
        if (descending) {
            c = c.reversed();
        }
        return c.thenComparing(DashboardRow::source).thenComparing(text(DashboardRow::name))
                .thenComparingLong(DashboardRow::productId);
    }

    /** The same query with other sort settings, back on page 1. */
    public DashboardQuery sortedBy(String column, boolean desc) {
        return new DashboardQuery(q, status, shop, column, desc, 1);
    }

    /** The same query on another page. */
    public DashboardQuery onPage(int p) {
        return new DashboardQuery(q, status, shop, sort, descending, p);
    }

    /** The query string of this view (without {@code ?}), leaving out defaults. */
    public String queryString() {
        StringBuilder s = new StringBuilder();
        add(s, "q", q);
        add(s, "status", status == null ? null : status.name().toLowerCase(Locale.ROOT));
        add(s, "shop", shop);
        add(s, "sort", sort);
        add(s, "dir", descending ? "desc" : "asc");
        add(s, "page", page == 1 ? null : Integer.toString(page));
        return s.toString();
    }

    private static void add(StringBuilder s, String name, String value) {
        if (value != null) {
            s.append(s.length() == 0 ? "" : "&").append(name).append('=').append(Links.query(value));
        }
    }

    private static StockStatus status(String s) {
        return switch (s) {
            case "urgent" -> StockStatus.URGENT;
            case "moderate" -> StockStatus.MODERATE;
            case "healthy" -> StockStatus.HEALTHY;
            default -> throw PortalException.badRequest("The status is urgent, moderate or healthy.");
        };
    }

    private static int page(String s) {
        if (s.length() <= 6 && s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            int p = Integer.parseInt(s);
            if (p >= 1) {
                return p;
            }
        }
        throw PortalException.badRequest("The page is a number from 1.");
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static Comparator<DashboardRow> text(Function<DashboardRow, String> f) {
        return Comparator.comparing(r -> f.apply(r) == null ? "" : f.apply(r).toLowerCase(Locale.ROOT));
    }
}
