package dev.odoobridge.testkit.internal.orm;

import java.util.Map;

/**
 * A committed change of one record.
 *
 * @param model model name
 * @param id record id
 * @param action {@code create}, {@code write} or {@code unlink}
 * @param values the record's stored values after the change (before it, for unlink) as plain
 *               values with many2one as bare ids and {@code write_date} with microseconds, like
 *               base_automation's webhook body
 */
public record ChangeEvent(String model, long id, String action, Map<String, Object> values) {
}
