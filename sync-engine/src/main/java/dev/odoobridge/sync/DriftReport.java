package dev.odoobridge.sync;

import java.util.List;
import java.util.Objects;

/**
 * Result of {@link SyncEngine#verify}.
 *
 * @param source source name
 * @param model Odoo model
 * @param odooCount records in Odoo (archived included)
 * @param mongoCount documents in the read model
 * @param comparedRecords records compared field by field
 * @param stockChecked false when stock was requested but the read model does not expose its stock view
 * @param drifts every difference found
 */
public record DriftReport(String source, String model, long odooCount, long mongoCount, int comparedRecords,
                          boolean stockChecked, List<Drift> drifts) {
    public DriftReport {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        drifts = List.copyOf(drifts);
    }

    /** True when no difference was found. */
    public boolean isClean() {
        return drifts.isEmpty();
    }

    /** The differences of one kind. */
    public List<Drift> of(Drift.Kind kind) {
        return drifts.stream().filter(d -> d.kind() == kind).toList();
    }
}
