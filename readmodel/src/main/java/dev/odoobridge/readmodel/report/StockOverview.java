package dev.odoobridge.readmodel.report;

import dev.odoobridge.readmodel.stock.LotStock;
import java.util.List;

/**
 * A scope's stock at a glance, as a dashboard shows it, read with one query on the scope's stock views and one on its
 * lots (see {@link Reports#stockOverview}).
 *
 * @param windowDays the sales window in days
 * @param products one per active stocked product in the scope, by source and product id: the rows of
 *     {@link Reports#stockStatus(ReportScope)}, each with its velocity and forecast over the window
 * @param lots the lots in stock of every product in the scope, in the order of {@link Reports#lotsInStock}
 */
public record StockOverview(int windowDays, List<ProductOverview> products, List<LotStock> lots) {
    public StockOverview {
        products = List.copyOf(products);
        lots = List.copyOf(lots);
    }
}
