/**
 * The typed Odoo ORM client: create one with {@link dev.odoobridge.client.OdooClients#create},
 * then work on models through {@link dev.odoobridge.client.ModelHandle}. Everything under
 * {@code dev.odoobridge.client.internal} is implementation and may change without notice.
 */
package dev.odoobridge.client;
