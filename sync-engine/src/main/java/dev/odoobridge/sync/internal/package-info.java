/**
 * Sync engine internals: the (write_date, id) cursor that never splits a second, the per-model
 * run with leases and checkpoints, id-range reconciliation and the drift verifier. Not API.
 */
package dev.odoobridge.sync.internal;
