package dev.odoobridge.portal.data;

import java.time.LocalDate;

/**
 * A lot of a product in stock.
 *
 * @param lot the lot name
 * @param expiry its expiry date, or null when it has none
 * @param quantity quantity on hand of the lot
 * @param expired true when the expiry date is past
 */
public record LotRow(String lot, LocalDate expiry, double quantity, boolean expired) {
}
