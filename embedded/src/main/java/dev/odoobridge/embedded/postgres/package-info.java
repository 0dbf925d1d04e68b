/** The embedded PostgreSQL of the sync state (provider for {@link dev.odoobridge.sync.state.StateDatabase#embedded}). */
package dev.odoobridge.embedded.postgres;
