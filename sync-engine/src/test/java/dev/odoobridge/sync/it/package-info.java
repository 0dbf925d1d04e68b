/**
 * End-to-end integration tests of the sync engine with the real components: FakeOdoo over JSON-2
 * and XML-RPC, the embedded PostgreSQL state database and the embedded MongoDB-compatible read
 * model. Each test compares the read model with Odoo by {@code SyncEngine.verify} and by its own
 * independent reads of both sides.
 */
package dev.odoobridge.sync.it;
