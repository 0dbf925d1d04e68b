package dev.odoobridge.sync.state;

import java.time.Instant;
import java.util.Objects;

/**
 * How far an unfinished full read of (source, model) by id ranges got, so a run killed in the middle
 * resumes instead of starting over: every record with an id up to {@link #doneThroughId} that existed
 * when the read began is in MongoDB. Once all ids up to {@link #maxId} are done, the sync reads what
 * changed since {@link #newestWriteDate} (less the overlap) and the progress is deleted.
 *
 * @param source source name
 * @param model Odoo model
 * @param fields the fields read, comma-separated (a read with other fields starts over)
 * @param newestWriteDate the newest write_date in the model when the read began (whole second)
 * @param maxId the highest id in the model when the read began
 * @param doneThroughId every id up to this one is applied
 * @param updatedAt when the progress was stored
 */
public record ScanProgress(String source, String model, String fields, Instant newestWriteDate, long maxId,
                           long doneThroughId, Instant updatedAt) {
    public ScanProgress {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(fields, "fields == null");
        Objects.requireNonNull(newestWriteDate, "newestWriteDate == null");
        Objects.requireNonNull(updatedAt, "updatedAt == null");
        if (doneThroughId < 0 || doneThroughId > maxId) {
            throw new IllegalArgumentException("doneThroughId must be within 0.." + maxId + ", was " + doneThroughId);
        }
    }

    /** The same read, done through {@code id}. */
    public ScanProgress doneThrough(long id, Instant at) {
        return new ScanProgress(source, model, fields, newestWriteDate, maxId, id, at);
    }
}
