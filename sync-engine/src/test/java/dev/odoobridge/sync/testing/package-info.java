/**
 * Test doubles for the sync engine: an in-memory Odoo that behaves like Odoo 19 around
 * {@code write_date} (hidden microseconds, whole-second reads and literals), an in-memory
 * projector and an in-memory state store.
 */
package dev.odoobridge.sync.testing;
