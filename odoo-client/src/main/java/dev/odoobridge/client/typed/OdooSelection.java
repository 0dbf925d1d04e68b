package dev.odoobridge.client.typed;

/** Implemented by generated selection enums: the value Odoo stores for the constant. */
public interface OdooSelection {
    /** The selection key on the wire, e.g. {@code "consu"}; null for the catch-all of unknown values. */
    String wireValue();
}
