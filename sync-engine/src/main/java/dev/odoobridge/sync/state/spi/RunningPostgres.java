package dev.odoobridge.sync.state.spi;

/** An embedded PostgreSQL started by an {@link EmbeddedPostgresProvider}. */
public interface RunningPostgres extends AutoCloseable {
    /** JDBC URL of its {@code postgres} database. */
    String jdbcUrl();

    /** The superuser to connect as (no password). */
    String user();

    /** Stops the server; data stays in its directory. Never throws. */
    @Override
    void close();
}
