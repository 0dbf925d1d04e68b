/**
 * Internals of vendor linking: the PostgreSQL implementation of the vendor store. Not API; use
 * {@link dev.odoobridge.vendors.VendorStores} to obtain a store.
 */
package dev.odoobridge.vendors.internal;
