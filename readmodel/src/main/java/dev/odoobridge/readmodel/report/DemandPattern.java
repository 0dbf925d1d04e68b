package dev.odoobridge.readmodel.report;

/**
 * Syntetos-Boylan demand classes by average inter-demand interval (ADI, cut-off 1.32) and squared
 * coefficient of variation of non-zero demand sizes (CV², cut-off 0.49).
 */
public enum DemandPattern {
    /** Regular demand, regular sizes. */
    SMOOTH,
    /** Regular demand, variable sizes. */
    ERRATIC,
    /** Sporadic demand, regular sizes. */
    INTERMITTENT,
    /** Sporadic demand, variable sizes. */
    LUMPY,
    /** No demand in the window. */
    NONE
}
