/**
 * The odoo-bridge command-line tool.
 */
package dev.odoobridge.cli;
