package dev.odoobridge.embedded.postgres;

import dev.odoobridge.sync.state.spi.RunningPostgres;
import java.util.Objects;

/**
 * The embedded PostgreSQL another process runs on the same data directory, reached through the endpoint it
 * published. Closing only forgets it: the server belongs to that process.
 *
 * @param jdbcUrl the server's JDBC URL
 * @param user the superuser
 */
record AttachedPostgres(String jdbcUrl, String user) implements RunningPostgres {
    AttachedPostgres {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
        Objects.requireNonNull(user, "user == null");
    }

    @Override
    public void close() {
        // the owner process stops its server
    }
}
