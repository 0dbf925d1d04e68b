package dev.odoobridge.readmodel.report;

/** Stock status of a product with on-hand quantity q and threshold T. */
public enum StockStatus {
    /** q &lt;= T. */
    URGENT,
    /** T &lt; q &lt;= 1.5 T. */
    MODERATE,
    /** q &gt; 1.5 T. */
    HEALTHY
}
