/**
 * Test doubles for the sync engine's own side (Odoo itself is played by the testkit's FakeOdoo): an
 * in-memory projector, an in-memory state store and a manually advanced clock.
 */
package dev.odoobridge.sync.testing;
