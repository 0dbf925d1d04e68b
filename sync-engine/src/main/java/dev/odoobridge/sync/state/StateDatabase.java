package dev.odoobridge.sync.state;

import dev.odoobridge.sync.state.internal.PostgresStateDatabase;
import dev.odoobridge.sync.state.spi.EmbeddedPostgresProvider;
import dev.odoobridge.sync.state.spi.RunningPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The PostgreSQL database holding the sync state, with its schema migrated to the version this
 * library ships. Open one per process and share it; it is thread-safe. Closing it closes the
 * connection pool and stops the embedded server if one was started.
 *
 * <pre>{@code
 * try (StateDatabase db = StateDatabase.embedded(Path.of("state"))) {
 *     StateStore store = db.stateStore();
 * }
 * }</pre>
 */
public interface StateDatabase extends AutoCloseable {

    /**
     * Connects to an existing PostgreSQL server (any version from 12) and applies the pending
     * schema migrations.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://db:5432/odoobridge}
     * @param user database user
     * @param password its password (may be null for trust or peer authentication)
     * @throws StateStoreException when the server cannot be reached or the migration fails
     */
    static StateDatabase connect(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
        Objects.requireNonNull(user, "user == null");
        return PostgresStateDatabase.connect(jdbcUrl, user, password, null);
    }

    /**
     * Starts a PostgreSQL server from the bundled binaries with its data kept in
     * {@code dataDirectory} (created when missing, reused on the next start) on a free port on
     * the loopback interface, then applies the pending migrations. When the process runs as
     * root the server is started in a user namespace ({@code unshare -U}) because PostgreSQL
     * refuses to run as root. Needs the embedded server on the class path (the module
     * {@code dev.odoobridge:embedded}).
     *
     * @throws StateStoreException when the directory is unusable or the server does not start
     */
    static StateDatabase embedded(Path dataDirectory) {
        return embedded(dataDirectory, 0);
    }

    /**
     * Like {@link #embedded(Path)} on a fixed port ({@code 0} picks a free one).
     *
     * @throws StateStoreException when the port is taken, the directory is unusable or the server does not start
     */
    static StateDatabase embedded(Path dataDirectory, int port) {
        Objects.requireNonNull(dataDirectory, "dataDirectory == null");
        EmbeddedPostgresProvider provider = ServiceLoader.load(EmbeddedPostgresProvider.class,
                        StateDatabase.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new StateStoreException("No embedded PostgreSQL on the class path: add the dependency"
                        + " dev.odoobridge:embedded, or connect to a PostgreSQL server by JDBC URL"));
        RunningPostgres server = provider.start(dataDirectory, port);
        return PostgresStateDatabase.connect(server.jdbcUrl(), server.user(), null, server);
    }

    /** Checkpoints, run history and leases. */
    StateStore stateStore();

    /**
     * The pooled connections to this database, for components that keep their own tables in it
     * (vendor links and challenges, the webhook inbox). Their tables are created by this database's
     * schema migrations; callers must not close the returned pool.
     */
    DataSource dataSource();

    /** The highest schema version applied. */
    int schemaVersion();

    /** The JDBC URL in use (the embedded server's too), without credentials. */
    String describe();

    /** Closes the pool and stops the embedded server, if any. Never throws. */
    @Override
    void close();
}
