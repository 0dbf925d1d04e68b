/**
 * One class per {@code odoo-bridge} command. Commands are thin: they parse options, call the
 * libraries through {@link dev.odoobridge.cli.runtime.BridgeRuntime} and print; failures are
 * thrown and turned into exit codes by {@link dev.odoobridge.cli.FailureMapper}.
 */
package dev.odoobridge.cli.command;
