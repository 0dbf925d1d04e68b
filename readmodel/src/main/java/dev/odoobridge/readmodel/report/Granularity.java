package dev.odoobridge.readmodel.report;

/** Period length of a sales series. */
public enum Granularity {
    /** Calendar days (in the zone of the report: UTC, or a sales query's zone). */
    DAY,
    /** ISO weeks starting on Monday. */
    WEEK,
    /** Calendar months. */
    MONTH
}
