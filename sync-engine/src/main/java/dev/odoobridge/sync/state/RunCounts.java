package dev.odoobridge.sync.state;

/**
 * Counts of one sync run.
 *
 * @param read records read from Odoo
 * @param written documents written to MongoDB
 * @param skipped stale records skipped by the version guard
 * @param deleted documents deleted (reconciliation or webhook deletes)
 * @param calls Odoo calls made
 */
public record RunCounts(long read, long written, long skipped, long deleted, long calls) {
    /** All zero. */
    public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0);

    /** Sum of two counts. */
    public RunCounts plus(RunCounts o) {
        return new RunCounts(read + o.read, written + o.written, skipped + o.skipped, deleted + o.deleted, calls + o.calls);
    }
}
