package dev.odoobridge.vendors.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A vendor's stock export.
 *
 * @param vendor the vendor identity
 * @param generatedAt when it was computed
 * @param windowDays the sales window used for velocity and forecasts
 * @param rows one row per product, sorted by status (urgent first), then source and name
 */
public record VendorStockReport(String vendor, Instant generatedAt, int windowDays, List<VendorStockRow> rows) {
    public VendorStockReport {
        Objects.requireNonNull(vendor, "vendor == null");
        Objects.requireNonNull(generatedAt, "generatedAt == null");
        rows = List.copyOf(rows);
    }

    /** Rows with the given status. */
    public long count(String status) {
        return rows.stream().filter(r -> r.status().equals(status)).count();
    }
}
