package dev.odoobridge.readmodel;

import java.util.Objects;

/**
 * How the derived stock views find a product's threshold and which lots count as near expiry.
 *
 * @param thresholdField product.product field holding a per-product threshold (e.g. {@code x_threshold}),
 *                       used when the product has no reordering rule; null for none
 * @param defaultThreshold threshold when neither a reordering rule nor the field gives one (>= 0)
 * @param nearExpiryDays a lot expiring within this many days is "near expiry" (>= 0)
 */
public record StockOptions(String thresholdField, double defaultThreshold, int nearExpiryDays) {
    /** {@code x_threshold}, default threshold 5, near expiry within 30 days. */
    public static final StockOptions DEFAULTS = new StockOptions("x_threshold", 5.0, 30);

    public StockOptions {
        if (thresholdField != null && thresholdField.isBlank()) {
            throw new IllegalArgumentException("thresholdField is blank; pass null for no threshold field");
        }
        if (!(defaultThreshold >= 0) || Double.isInfinite(defaultThreshold)) {
            throw new IllegalArgumentException("defaultThreshold must be a finite number >= 0, was " + defaultThreshold);
        }
        if (nearExpiryDays < 0) {
            throw new IllegalArgumentException("nearExpiryDays must be >= 0, was " + nearExpiryDays);
        }
    }

    /** These options with another threshold field. */
    public StockOptions withThresholdField(String field) {
        return new StockOptions(field, defaultThreshold, nearExpiryDays);
    }

    /** These options with another default threshold. */
    public StockOptions withDefaultThreshold(double threshold) {
        return new StockOptions(thresholdField, threshold, nearExpiryDays);
    }

    /** These options with another near-expiry window. */
    public StockOptions withNearExpiryDays(int days) {
        return new StockOptions(thresholdField, defaultThreshold, days);
    }

    static StockOptions orDefaults(StockOptions options) {
        return Objects.requireNonNullElse(options, DEFAULTS);
    }
}
