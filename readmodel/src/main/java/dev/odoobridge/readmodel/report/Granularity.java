package dev.odoobridge.readmodel.report;

/** Period length of a sales series. */
public enum Granularity {
    /** Calendar days (UTC). */
    DAY,
    /** ISO weeks starting on Monday. */
    WEEK,
    /** Calendar months. */
    MONTH
}
