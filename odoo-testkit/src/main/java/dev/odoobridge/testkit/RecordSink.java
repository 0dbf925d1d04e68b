package dev.odoobridge.testkit;

import java.util.Map;

/**
 * Where generated records go: FakeOdoo's store (or anything else). Values use Odoo's wire
 * conventions: many2one as an id (Long), x2many as a list of ids, dates as {@code "YYYY-MM-DD"},
 * datetimes as {@code "YYYY-MM-DD HH:MM:SS"} naive UTC.
 */
public interface RecordSink {

    /** Inserts a record (bypassing access rules and webhooks) and returns its new id. */
    long insert(String model, Map<String, Object> values);
}
