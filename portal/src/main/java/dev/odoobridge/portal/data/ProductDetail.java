package dev.odoobridge.portal.data;

import dev.odoobridge.readmodel.report.ProductForecast;
import java.util.List;

/**
 * A product page: its dashboard row, the daily sales and stock of the last 120 days, the forecast and its lots.
 *
 * @param row the product's dashboard row
 * @param trend one point per day, oldest first, today last (days without sales have {@code sold == 0})
 * @param forecast the demand forecast
 * @param lots lots in stock, earliest expiry first
 */
public record ProductDetail(DashboardRow row, List<DayPoint> trend, ProductForecast forecast, List<LotRow> lots) {
    public ProductDetail {
        trend = List.copyOf(trend);
        lots = List.copyOf(lots);
    }
}
