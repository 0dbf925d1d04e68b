package dev.odoobridge.testkit.internal.orm;

/** How a field's value is obtained when it is not simply stored in the row. */
enum Compute {
    /** Stored in the row. */
    STORED,
    /** The record's display name. */
    DISPLAY_NAME,
    /** Parent names joined (" / " for categories, "/" for locations). */
    COMPLETE_NAME,
    /** Read through a many2one ({@link FieldDef#via()}) from the same-named field of the target. */
    RELATED,
    /** The inverse of a many2one on the comodel. */
    INVERSE,
    /** A stock quantity of a product computed from quants and moves. */
    STOCK_QTY,
    /** Record id, create/write dates and users: bookkeeping kept outside the value columns. */
    MAGIC,
    /**
     * A field of the real schema FakeOdoo gives no behaviour (a non-stored computed field, or a one2many whose
     * comodel is not served): it reads as Odoo's empty value and writes to it are ignored.
     */
    EMPTY
}
