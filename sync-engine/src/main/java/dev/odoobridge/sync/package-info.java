/**
 * Keeps the MongoDB read model equal to Odoo: full, incremental and webhook-driven sync with state in PostgreSQL.
 */
package dev.odoobridge.sync;
