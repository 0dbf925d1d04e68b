package dev.odoobridge.testkit.internal.orm;

import dev.odoobridge.testkit.RecordSink;
import java.util.Set;

/**
 * The fake ORM as the protocol layer sees it. Thread-safe. Values in and out are plain wire
 * values (Map, List, String, Integer/Long, Double, Boolean), exactly what Odoo would send:
 * {@code False} for empty fields, many2one as {@code [id, "display name"]}, datetimes as
 * {@code "YYYY-MM-DD HH:MM:SS"} strings.
 */
public interface OrmApi extends RecordSink {

    /**
     * Runs one ORM call. Binds positional {@code args} to the method's parameters like Python
     * would (record methods take ids first when {@link OrmRequest#ids()} is null).
     *
     * @throws OrmFault for every failure Odoo would report as a fault
     */
    Object execute(OrmRequest request);

    /** Registers a listener for committed (and, when requested, pre-commit) changes. */
    void addChangeListener(ChangeListener listener);

    /** The technical names of all models. */
    Set<String> models();
}
