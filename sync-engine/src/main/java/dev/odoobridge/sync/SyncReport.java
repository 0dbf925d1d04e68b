package dev.odoobridge.sync;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Result of one {@link SyncEngine#run}.
 *
 * @param models one report per (source, model) considered, in plan order
 * @param duration wall time of the whole run
 */
public record SyncReport(List<ModelReport> models, Duration duration) {
    public SyncReport {
        models = List.copyOf(models);
        java.util.Objects.requireNonNull(duration, "duration == null");
    }

    /**
     * Overall outcome: OK when every model is ok or skipped, FAILED when every model that ran
     * failed, PARTIAL otherwise.
     */
    public Outcome outcome() {
        boolean anyBad = models.stream().anyMatch(m -> m.outcome() == Outcome.FAILED || m.outcome() == Outcome.PARTIAL);
        if (!anyBad) {
            return Outcome.OK;
        }
        boolean allFailed = models.stream().filter(m -> m.outcome() != Outcome.SKIPPED)
                .allMatch(m -> m.outcome() == Outcome.FAILED);
        return allFailed ? Outcome.FAILED : Outcome.PARTIAL;
    }

    /** The report of one (source, model), if it was part of the run. */
    public Optional<ModelReport> get(String source, String model) {
        return models.stream().filter(m -> m.source().equals(source) && m.model().equals(model)).findFirst();
    }
}
