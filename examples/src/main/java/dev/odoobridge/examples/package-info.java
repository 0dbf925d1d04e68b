/**
 * Small runnable programs that embed the odoo-bridge libraries.
 */
package dev.odoobridge.examples;
