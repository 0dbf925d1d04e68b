package dev.odoobridge.sync.report;

import java.util.Objects;

/**
 * One report figure on which the read model and Odoo disagree.
 *
 * @param report the report ({@code sales}, {@code top}, {@code customers})
 * @param key what the figure belongs to (a period's first day, a product or partner id)
 * @param figure the figure ({@code quantity}, {@code amount}, {@code lines}, {@code orders}, {@code rank})
 * @param odoo the figure as Odoo computes it
 * @param readModel the figure as the read model computes it
 */
public record ReportDifference(String report, String key, String figure, double odoo, double readModel) {
    /** Checks the names. */
    public ReportDifference {
        Objects.requireNonNull(report, "report == null");
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(figure, "figure == null");
    }
}
