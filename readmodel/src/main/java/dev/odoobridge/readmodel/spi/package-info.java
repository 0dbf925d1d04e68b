/**
 * Service provider interfaces of the read model: how the embedded MongoDB-compatible store is started
 * ({@link dev.odoobridge.readmodel.spi.EmbeddedStoreProvider}, found with {@link java.util.ServiceLoader})
 * the fast paths such a store may offer the projector ({@link dev.odoobridge.readmodel.spi.StoreFastPaths}), and
 * the reads it answers in process for readers in the same JVM, the read model's stock views and the read API
 * ({@link dev.odoobridge.readmodel.spi.StoreReads}). On any other MongoDB standard commands only are used.
 */
package dev.odoobridge.readmodel.spi;
