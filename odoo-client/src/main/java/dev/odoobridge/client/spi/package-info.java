/**
 * Extension points: {@link dev.odoobridge.client.spi.OdooTransport} (the wire protocol behind a
 * client) and {@link dev.odoobridge.client.spi.OdooClientListener} (metrics and logging hooks).
 */
package dev.odoobridge.client.spi;
