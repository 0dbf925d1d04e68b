/**
 * The embedded MongoDB-compatible read model store: mongo-java-server with the crash-consistent, durable H2
 * file backend and the fast paths it offers the projector in the same process.
 */
package dev.odoobridge.embedded.mongo;
