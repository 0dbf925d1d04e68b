/**
 * Service provider interfaces of the read model: how the embedded MongoDB-compatible store is started
 * ({@link dev.odoobridge.readmodel.spi.EmbeddedStoreProvider}, found with {@link java.util.ServiceLoader})
 * and the fast paths such a store may offer the projector ({@link dev.odoobridge.readmodel.spi.StoreFastPaths}).
 * On any other MongoDB the projector uses standard commands only.
 */
package dev.odoobridge.readmodel.spi;
