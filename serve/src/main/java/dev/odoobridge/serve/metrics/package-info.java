/**
 * Prometheus metrics of a serving process through Micrometer: {@link dev.odoobridge.serve.metrics.BridgeMetrics}
 * owns the registry, hands out the listeners that feed it (a {@link dev.odoobridge.sync.SyncListener} for the sync
 * engine and the webhook processor, an {@link dev.odoobridge.client.spi.OdooClientListener} for the Odoo clients),
 * reads the webhook inbox depth from PostgreSQL (cached), and exposes a Jetty handler answering {@code GET /metrics}
 * in the Prometheus text format. The libraries below know nothing of Micrometer; they only call listeners.
 */
package dev.odoobridge.serve.metrics;
