/** Durable sync state: checkpoints, run history, leases, webhook inbox, vendor links; PostgreSQL-backed. */
package dev.odoobridge.sync.state;
