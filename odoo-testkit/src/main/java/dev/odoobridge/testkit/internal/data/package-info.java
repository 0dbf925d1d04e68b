/**
 * Internals of the deterministic retail data generator behind
 * {@link dev.odoobridge.testkit.RetailDataGenerator}: vocabulary, demand model, and the writers
 * that emit master data, catalog, stock, sales and purchases through a
 * {@link dev.odoobridge.testkit.RecordSink}. Internal: no compatibility guarantees.
 */
package dev.odoobridge.testkit.internal.data;
