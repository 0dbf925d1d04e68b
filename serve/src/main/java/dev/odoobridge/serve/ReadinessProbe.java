package dev.odoobridge.serve;

/**
 * Checks that one dependency (an Odoo source, MongoDB, PostgreSQL) answers, for
 * {@code /health/ready}. {@link Serve} runs each probe with a deadline, so a probe may block.
 */
@FunctionalInterface
public interface ReadinessProbe {
    /**
     * Returns normally when the dependency answers.
     *
     * @throws Exception saying why it does not
     */
    void check() throws Exception;
}
