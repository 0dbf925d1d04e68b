/**
 * The {@code odoo-bridge demo} command: everything embedded (FakeOdoo with generated retail data,
 * PostgreSQL for the sync state, the MongoDB-compatible read model), a full sync, live changes
 * arriving through webhooks, a vendor linked with a one-time code and the vendor's stock exports.
 * Internal to the command-line tool.
 */
package dev.odoobridge.cli.demo;
