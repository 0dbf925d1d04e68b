/**
 * What each Odoo server offers the sync: the fields of every synced model as the server's
 * {@code fields_get} reports them (cached per source with a fingerprint and re-read when the server
 * changes), the fields each projection reads there, and which optional features are on or off and why.
 */
package dev.odoobridge.sync.schema;
