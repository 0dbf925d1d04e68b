package dev.odoobridge.sync;

/**
 * What {@link SyncEngine#verify} compares beyond counts and ids.
 *
 * @param sampleSize how many records to compare field by field; {@link #ALL} compares every record, 0 none
 * @param seed seed of the sample, so a check can be repeated exactly
 * @param checkStock for {@code product.product}: compare the read model's stock on hand with Odoo's {@code qty_available}
 */
public record VerifyOptions(int sampleSize, long seed, boolean checkStock) {
    /** Compare every record. */
    public static final int ALL = Integer.MAX_VALUE;

    public VerifyOptions {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("sampleSize must be >= 0 (or VerifyOptions.ALL), was " + sampleSize);
        }
    }

    /** Counts, ids, a sample of 200 records (seed 1) and stock. */
    public static VerifyOptions defaults() {
        return new VerifyOptions(200, 1L, true);
    }

    /** Counts, ids, every record's fields and stock. */
    public static VerifyOptions everything() {
        return new VerifyOptions(ALL, 1L, true);
    }
}
