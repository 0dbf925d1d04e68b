package dev.odoobridge.sync;

import java.util.Objects;
import java.util.Set;

/**
 * What one {@link SyncEngine#run} does. Empty {@code sources} / {@code models} mean all configured.
 *
 * @param sources source names to sync, empty = all
 * @param models Odoo models to sync, empty = all projections
 * @param mode incremental (from the checkpoint) or full (from the beginning)
 * @param reconcile after the cursor pass, remove documents Odoo no longer has and fetch missing ones
 */
public record SyncRequest(Set<String> sources, Set<String> models, SyncMode mode, boolean reconcile) {
    public SyncRequest {
        sources = Set.copyOf(Objects.requireNonNull(sources, "sources == null"));
        models = Set.copyOf(Objects.requireNonNull(models, "models == null"));
        Objects.requireNonNull(mode, "mode == null");
    }

    /** Incremental sync of everything, without reconciliation. */
    public static SyncRequest incremental() {
        return new SyncRequest(Set.of(), Set.of(), SyncMode.INCREMENTAL, false);
    }

    /** Full sync of everything, with reconciliation. */
    public static SyncRequest full() {
        return new SyncRequest(Set.of(), Set.of(), SyncMode.FULL, true);
    }

    /** This request restricted to the given sources. */
    public SyncRequest withSources(String... names) {
        return new SyncRequest(Set.of(names), models, mode, reconcile);
    }

    /** This request restricted to the given models. */
    public SyncRequest withModels(String... names) {
        return new SyncRequest(sources, Set.of(names), mode, reconcile);
    }

    /** This request with or without reconciliation. */
    public SyncRequest withReconcile(boolean on) {
        return new SyncRequest(sources, models, mode, on);
    }

    /** True when the request covers the source. */
    public boolean includesSource(String source) {
        return sources.isEmpty() || sources.contains(source);
    }

    /** True when the request covers the model. */
    public boolean includesModel(String model) {
        return models.isEmpty() || models.contains(model);
    }
}
