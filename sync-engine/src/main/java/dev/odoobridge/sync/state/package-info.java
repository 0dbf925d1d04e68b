/**
 * Durable sync state in PostgreSQL: checkpoints, run history, leases and the webhook inbox.
 * Open it with {@link dev.odoobridge.sync.state.StateDatabase#connect} for any PostgreSQL or
 * {@link dev.odoobridge.sync.state.StateDatabase#embedded} for a bundled server with its data in a
 * directory; the schema migrations shipped in the jar are applied on open.
 */
package dev.odoobridge.sync.state;
