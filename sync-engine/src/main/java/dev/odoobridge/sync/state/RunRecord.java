package dev.odoobridge.sync.state;

import java.time.Instant;

/**
 * One row of run history.
 *
 * @param id run id
 * @param source source name
 * @param model Odoo model
 * @param kind full, incremental, reconcile, webhook, verify
 * @param startedAt start time
 * @param finishedAt end time, null while running (or when the process died)
 * @param counts counts
 * @param outcome ok, failed, partial, or null while running
 * @param error error message for failed runs
 */
public record RunRecord(long id, String source, String model, String kind, Instant startedAt, Instant finishedAt,
                        RunCounts counts, String outcome, String error) {
}
