/**
 * Internals of the PostgreSQL state: connection pool, embedded server, schema migrator and the
 * JDBC implementation of the state store. Not API; may change without notice.
 */
package dev.odoobridge.sync.state.internal;
