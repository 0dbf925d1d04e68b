package dev.odoobridge.sync;

/** How a run chooses its starting point. */
public enum SyncMode {
    /** From the stored checkpoint minus the overlap window; a full read when there is no checkpoint. */
    INCREMENTAL,
    /** From the beginning of the model, ignoring the checkpoint (documents are upserted, not dropped first). */
    FULL
}
