/**
 * Derived stock views kept current by the projector: per-product stock per source and warehouse
 * (on hand, reserved, incoming, threshold, vendors) and lots with expiry dates.
 */
package dev.odoobridge.readmodel.stock;
