package dev.odoobridge.testkit.internal.data;

import java.time.Instant;
import java.util.Objects;

/**
 * Validated options of one generation run, as collected by the public builder.
 *
 * @param seed seed of every random choice
 * @param warehouses number of shops (one warehouse each)
 * @param vendors number of vendors
 * @param products number of products (one variant each)
 * @param customers number of top-level customers
 * @param days days of sales history before {@code now}
 * @param now the instant all dates are relative to (second precision)
 * @param expiredLotShare share of lots already expired
 * @param nearExpiryLotShare share of lots expiring within 30 days
 * @param maxSaleLines upper bound for confirmed sale lines; demand is spread over fewer products
 *     when the catalogue would exceed it
 * @param userId the res.users id written as salesperson, create_uid and write_uid
 * @param flavour the target Odoo's version and whether lots have expiration dates
 * @param importBatch records per import transaction and second of the master data and catalogue, with
 *     edits as monthly mass updates; 0 spreads them a few per second with edits at random instants
 */
public record GeneratorOptions(long seed, int warehouses, int vendors, int products, int customers, int days,
        Instant now, double expiredLotShare, double nearExpiryLotShare, int maxSaleLines, long userId,
        OdooFlavour flavour, int importBatch) {

    /** Validates every option; the messages say which value to change. */
    public GeneratorOptions {
        Objects.requireNonNull(now, "now == null");
        Objects.requireNonNull(flavour, "flavour == null");
        now = Instant.ofEpochSecond(now.getEpochSecond());
        requireRange("warehouses", warehouses, 1, 99);
        requireRange("vendors", vendors, 1, 100_000);
        requireRange("products", products, 1, 10_000_000);
        requireRange("customers", customers, 1, 10_000_000);
        requireRange("days", days, 14, 3650);
        requireRange("maxSaleLines", maxSaleLines, 0, Integer.MAX_VALUE);
        requireRange("importBatch", importBatch, 0, Integer.MAX_VALUE);
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be a positive res.users id, got " + userId);
        }
        requireShare("expiredLotShare", expiredLotShare);
        requireShare("nearExpiryLotShare", nearExpiryLotShare);
        if (expiredLotShare + nearExpiryLotShare > 1.0) {
            throw new IllegalArgumentException("expiredLotShare + nearExpiryLotShare must not exceed 1, got "
                    + (expiredLotShare + nearExpiryLotShare));
        }
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be a share between 0 and 1, got " + value);
        }
    }
}
