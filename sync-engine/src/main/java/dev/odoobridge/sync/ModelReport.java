package dev.odoobridge.sync;

import dev.odoobridge.sync.state.RunCounts;
import java.time.Duration;
import java.util.Objects;

/**
 * Result of syncing one (source, model).
 *
 * @param source source name
 * @param model Odoo model
 * @param counts records read, documents written, stale skips, deletions, Odoo calls
 * @param duration wall time (by the engine's clock)
 * @param outcome how it ended
 * @param message why it was skipped or failed (what failed and where the checkpoint stays), or null when ok
 */
public record ModelReport(String source, String model, RunCounts counts, Duration duration, Outcome outcome, String message) {
    public ModelReport {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(counts, "counts == null");
        Objects.requireNonNull(duration, "duration == null");
        Objects.requireNonNull(outcome, "outcome == null");
    }

    /** Outcome with its reason, e.g. {@code "skipped: leased by host-b"} or {@code "ok"}. */
    public String describeOutcome() {
        return message == null ? outcome.label() : outcome.label() + ": " + message;
    }
}
