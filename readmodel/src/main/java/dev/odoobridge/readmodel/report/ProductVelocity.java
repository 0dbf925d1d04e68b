package dev.odoobridge.readmodel.report;

import java.util.List;

/**
 * Sales velocity of one product over a window, from done moves from internal to customer locations.
 *
 * @param source source name
 * @param productId product.product id
 * @param name display name
 * @param windowDays window length in days
 * @param totalQuantity quantity shipped in the window
 * @param perDay average per day over the window
 * @param daily one entry per day of the window, oldest first, zero days included
 */
public record ProductVelocity(String source, long productId, String name, int windowDays, double totalQuantity,
                              double perDay, List<DailySales> daily) {
    public ProductVelocity {
        daily = List.copyOf(daily);
    }
}
