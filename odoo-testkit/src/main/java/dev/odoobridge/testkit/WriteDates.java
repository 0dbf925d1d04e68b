package dev.odoobridge.testkit;

/**
 * How the generated records' {@code write_date}s fall into seconds, which decides how a sync's
 * pages meet seconds.
 *
 * <ul>
 *   <li>{@link #SPREAD} (the default): the master data and catalogue are created a few records
 *       per second over some hours and edits fall at random instants, so seconds hold few records.</li>
 *   <li>{@link #bulkImport(int)}: what a real CSV import and a mass update leave behind. The master
 *       data and catalogue are imported in transactions of {@code recordsPerTransaction} records,
 *       one transaction per second, and Odoo stamps every record of a transaction with the
 *       transaction's start (one {@code write_date}, to the microsecond). Records edited later
 *       were edited by mass updates: one per month of history, each writing all its records in
 *       one second. A real Odoo 19.0 fed a product CSV this way held 500 records per second.</li>
 * </ul>
 *
 * @param recordsPerTransaction records per import transaction (and second), or 0 for {@link #SPREAD}
 */
public record WriteDates(int recordsPerTransaction) {
    /** A few records per second, edits at random instants. */
    public static final WriteDates SPREAD = new WriteDates(0);

    /** Validates the size. */
    public WriteDates {
        if (recordsPerTransaction < 0) {
            throw new IllegalArgumentException("recordsPerTransaction must be >= 0 (0 = spread), got "
                    + recordsPerTransaction);
        }
    }

    /** Imports in transactions of {@code recordsPerTransaction} records, one second each, and monthly mass updates. */
    public static WriteDates bulkImport(int recordsPerTransaction) {
        if (recordsPerTransaction < 1) {
            throw new IllegalArgumentException("a bulk import needs at least 1 record per transaction, got "
                    + recordsPerTransaction);
        }
        return new WriteDates(recordsPerTransaction);
    }

    /** Whether records come in bulk (imports and mass updates). */
    public boolean bulk() {
        return recordsPerTransaction > 0;
    }
}
