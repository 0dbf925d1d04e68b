package dev.odoobridge.portal.pages;

import dev.odoobridge.portal.data.DashboardRow;
import java.util.List;

/**
 * What the dashboard template shows.
 *
 * @param base where the portal is mounted
 * @param linked false when the vendor has no link yet (the page then shows how to link a shop)
 * @param shops the vendor's linked shops
 * @param query the validated search, filters, sort and page
 * @param rows the rows of this page, in order
 * @param matching rows matching the search and filters (all pages)
 * @param total rows in the vendor's scope
 * @param urgent products with status urgent in the scope
 * @param moderate products with status moderate in the scope
 * @param healthy products with status healthy in the scope
 * @param pages number of pages (at least 1)
 */
public record DashboardView(String base, boolean linked, List<String> shops, DashboardQuery query, List<DashboardRow> rows,
                            int matching, int total, int urgent, int moderate, int healthy, int pages) {
    /** Rows per page: enough to scan, light enough for a phone. */
    public static final int PAGE_SIZE = 500;

    public DashboardView {
        shops = List.copyOf(shops);
        rows = List.copyOf(rows);
    }

    /** The column headers in order: parameter value → text. */
    public java.util.Set<java.util.Map.Entry<String, String>> columns() {
        return DashboardQuery.COLUMNS.entrySet();
    }

    /** {@code aria-sort} of a column header: ascending / descending on the sorted column, null (absent) elsewhere. */
    public String ariaSort(String column) {
        if (!column.equals(query.sort())) {
            return null;
        }
        return query.descending() ? "descending" : "ascending";
    }

    /** The link a column header leads to: sorted by it, toggling the direction when it already is. */
    public String sortHref(String column) {
        boolean desc = column.equals(query.sort()) && !query.descending();
        return base + "/dashboard?" + query.sortedBy(column, desc).queryString();
    }

    /** A page of the same view. */
    public String pageHref(int page) {
        return base + "/dashboard?" + query.onPage(page).queryString();
    }

    /** The first row's position (1-based) on this page. */
    public int from() {
        return rows.isEmpty() ? 0 : (query.page() - 1) * PAGE_SIZE + 1;
    }

    /** The last row's position on this page. */
    public int to() {
        return from() == 0 ? 0 : from() + rows.size() - 1;
    }

    /** True when a filter or search is active. */
    public boolean filtered() {
        return query.q() != null || query.status() != null || query.shop() != null;
    }
}
