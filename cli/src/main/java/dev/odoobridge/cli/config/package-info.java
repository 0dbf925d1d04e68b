/**
 * The {@code odoo-bridge.yaml} configuration: loading with {@code ${ENV}} interpolation,
 * validation that names the key and line of every problem, and typed settings.
 */
package dev.odoobridge.cli.config;
