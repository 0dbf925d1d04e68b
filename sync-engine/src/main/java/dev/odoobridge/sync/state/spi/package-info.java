/**
 * Service provider interface of the state database: how the embedded PostgreSQL behind
 * {@link dev.odoobridge.sync.state.StateDatabase#embedded} is started, found with {@link java.util.ServiceLoader}.
 */
package dev.odoobridge.sync.state.spi;
