/**
 * Proof that the read model's reports equal Odoo's own figures: each report figure recomputed on the
 * Odoo server with {@code read_group} (17.0, 18.0) or {@code formatted_read_group} (19.0 and later) and
 * compared with the read model's.
 */
package dev.odoobridge.sync.report;
