/**
 * FakeOdoo, an in-process Odoo 19 server (XML-RPC, JSON-RPC, JSON-2) for tests, demos and benchmarks, with a deterministic retail data generator and a JUnit 5 extension.
 */
package dev.odoobridge.testkit;
