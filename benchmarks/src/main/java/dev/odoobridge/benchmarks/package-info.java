/**
 * Runnable end-to-end benchmarks of odoo-bridge against FakeOdoo: full and incremental sync,
 * bounded heap, webhook latency, and the codec micro-benchmarks. Start with
 * {@link dev.odoobridge.benchmarks.BenchmarkMain}; every benchmark prints its figures and never
 * asserts on time.
 */
package dev.odoobridge.benchmarks;
