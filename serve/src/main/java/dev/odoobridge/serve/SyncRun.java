package dev.odoobridge.serve;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One sync run of a {@link Serve} process, scheduled or triggered through the admin API.
 *
 * @param id run id, unique within the process
 * @param trigger {@code incremental}, {@code reconcile} (scheduled) or {@code admin}
 * @param mode {@code incremental} or {@code full}
 * @param reconcile whether deletions are reconciled
 * @param verify whether every (source, model) is verified afterwards
 * @param state {@code queued}, {@code running}, {@code done}, {@code failed} or {@code skipped}
 * @param queuedAt when it was asked for
 * @param startedAt when it started, or null
 * @param finishedAt when it ended, or null
 * @param outcome the run's overall outcome label ({@code ok}, {@code partial}, {@code failed}), or null
 * @param models one line per (source, model): {@code "<source> <model>: <outcome[: reason]>"}, plus verify results
 * @param error why the run failed or was skipped, or null
 */
public record SyncRun(long id, String trigger, String mode, boolean reconcile, boolean verify, String state,
                      Instant queuedAt, Instant startedAt, Instant finishedAt, String outcome, List<String> models,
                      String error) {
    public SyncRun {
        Objects.requireNonNull(trigger, "trigger == null");
        Objects.requireNonNull(mode, "mode == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(queuedAt, "queuedAt == null");
        models = List.copyOf(Objects.requireNonNull(models, "models == null"));
    }
}
