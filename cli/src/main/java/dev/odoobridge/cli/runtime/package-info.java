/**
 * The CLI's runtime: opens the Odoo clients, read model, state database and sync engine from the
 * configuration when a command first needs them, and closes them in reverse order.
 */
package dev.odoobridge.cli.runtime;
