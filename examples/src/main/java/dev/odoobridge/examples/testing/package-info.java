/**
 * Testing your own code with FakeOdoo: {@link dev.odoobridge.examples.testing.ReorderAdvisor} is
 * ordinary application code; its test (ReorderAdvisorIT) runs it against FakeOdoo with
 * {@code @FakeOdooTest} and is the example.
 */
package dev.odoobridge.examples.testing;
