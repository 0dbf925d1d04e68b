package dev.odoobridge.readmodel.report;

import java.util.Objects;

/**
 * One product of a {@link StockOverview}: what {@link Reports#stockStatus}, {@link Reports#salesVelocity} and
 * {@link Reports#forecast} report of it over the overview's window, with the same numbers.
 *
 * @param status the product's stock status row
 * @param deliveredQuantity quantity delivered in the window ({@link ProductVelocity#totalQuantity()}; 0 without sales)
 * @param perDay {@code deliveredQuantity / windowDays} ({@link ProductVelocity#perDay()}; 0 without sales)
 * @param forecast the product's demand forecast over the window
 */
public record ProductOverview(StockStatusRow status, double deliveredQuantity, double perDay, ProductForecast forecast) {
    public ProductOverview {
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(forecast, "forecast == null");
    }
}
