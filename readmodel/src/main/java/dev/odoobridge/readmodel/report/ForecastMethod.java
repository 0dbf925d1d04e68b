package dev.odoobridge.readmodel.report;

/** How a daily demand rate was forecast. */
public enum ForecastMethod {
    /** Mean of the last 28 days (for smooth and erratic demand). */
    MOVING_AVERAGE,
    /** Syntetos-Boylan Approximation of Croston's method (for intermittent and lumpy demand). */
    SBA
}
