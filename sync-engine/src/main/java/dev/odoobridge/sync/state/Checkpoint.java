package dev.odoobridge.sync.state;

import java.time.Instant;
import java.util.Objects;

/**
 * How far the incremental sync of (source, model) got: every record with
 * ({@code write_date}, {@code id}) up to ({@link #writeDate}, {@link #lastId}) is in MongoDB.
 *
 * @param source source name
 * @param model Odoo model
 * @param writeDate the write_date (whole second) of the last applied record
 * @param lastId the id of the last applied record within that second
 * @param updatedAt when the checkpoint was stored
 */
public record Checkpoint(String source, String model, Instant writeDate, long lastId, Instant updatedAt) {
    public Checkpoint {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(writeDate, "writeDate == null");
        Objects.requireNonNull(updatedAt, "updatedAt == null");
    }
}
