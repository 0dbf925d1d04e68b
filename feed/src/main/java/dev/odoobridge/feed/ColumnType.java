package dev.odoobridge.feed;

/** How a read-model value becomes a WatermelonDB column value (and back, for pushes). */
public enum ColumnType {
    /** Text: char, text, selection fields; {@code null} when empty. */
    STRING,
    /** A number: integer, float, monetary fields; {@code null} when empty. */
    NUMBER,
    /** A boolean. */
    BOOLEAN,
    /** A datetime or date, sent as milliseconds since the epoch (WatermelonDB's {@code @date} columns). */
    TIMESTAMP,
    /**
     * A many2one: the WatermelonDB id (a string) of the referenced record in the table of the related model,
     * which is the Odoo id as text, or the device's own id for a record a device pushed.
     */
    REFERENCE,
    /** Quantity on hand from the derived stock view: the total, or one warehouse's. Read-only. */
    STOCK_ON_HAND
}
