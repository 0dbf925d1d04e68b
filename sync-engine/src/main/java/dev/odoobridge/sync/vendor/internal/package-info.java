/**
 * Internals of vendor linking: the PostgreSQL implementation of the vendor store. Not API; use
 * {@link dev.odoobridge.sync.vendor.VendorStores} to obtain a store.
 */
package dev.odoobridge.sync.vendor.internal;
