/**
 * The embedded servers of odoo-bridge: the MongoDB-compatible read model store (mongo-java-server, in memory
 * or on a crash-consistent H2 file) and the sync state's PostgreSQL (zonky binaries). Both are found by the
 * read model and the sync engine with {@link java.util.ServiceLoader} when this module is on the class path.
 */
package dev.odoobridge.embedded;
