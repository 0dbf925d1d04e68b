package dev.odoobridge.testkit;

/** How a generated product sells over the history window. */
public enum DemandPattern {
    /** Poisson-like daily demand with a stable rate: sales on most days. */
    SMOOTH,
    /** Most days zero, occasional lumps: the case Croston's method and SBA are made for. */
    INTERMITTENT,
    /** A daily rate that grows or shrinks steadily over the window. */
    TRENDING,
    /** A strong weekly cycle (busy Fridays and Saturdays, quiet Sundays). */
    SEASONAL,
    /** No sales in the window (new or dead stock). */
    NONE
}
