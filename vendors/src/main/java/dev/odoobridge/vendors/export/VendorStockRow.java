package dev.odoobridge.vendors.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One product in a vendor's stock export.
 *
 * @param source source (shop) name
 * @param productId product.product id in that source
 * @param name product name
 * @param defaultCode internal reference, or null
 * @param barcode barcode, or null
 * @param onHand on-hand quantity in internal locations
 * @param incoming quantity on its way in
 * @param threshold low-stock threshold
 * @param status URGENT, MODERATE or HEALTHY
 * @param velocityPerDay average units shipped per day over the window
 * @param forecastPerDay forecast daily demand (SBA or moving average, by demand pattern)
 * @param forecastMethod the method used
 * @param daysOfCover on hand / forecast daily demand, or null without demand
 * @param stockoutDate forecast day stock runs out, or null without demand
 * @param nearExpiryLots lots expired or expiring within the configured window
 * @param dailySales units shipped per day over the window, oldest first (for the sparkline)
 */
public record VendorStockRow(String source, long productId, String name, String defaultCode, String barcode,
                             double onHand, double incoming, double threshold, String status, double velocityPerDay,
                             double forecastPerDay, String forecastMethod, Double daysOfCover, LocalDate stockoutDate,
                             List<LotExpiry> nearExpiryLots, List<Double> dailySales) {
    public VendorStockRow {
        nearExpiryLots = List.copyOf(nearExpiryLots);
        dailySales = List.copyOf(dailySales);
    }

    /**
     * A lot that is expired or expires soon.
     *
     * @param lotName lot number
     * @param expirationDate expiry
     * @param quantity quantity of that lot on hand
     * @param expired true when already expired
     */
    public record LotExpiry(String lotName, Instant expirationDate, double quantity, boolean expired) {
    }
}
