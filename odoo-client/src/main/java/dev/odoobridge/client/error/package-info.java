/**
 * One sealed, unchecked hierarchy for everything that can go wrong talking to Odoo:
 * {@link dev.odoobridge.client.error.OdooServerException} and its subclasses for faults the
 * server raised, {@link dev.odoobridge.client.error.OdooTransportException} for failures to get
 * an answer. Each transport has exactly one translator that builds them.
 */
package dev.odoobridge.client.error;
