package dev.odoobridge.sync.state.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.state.StateStore;
import dev.odoobridge.sync.state.StateStoreException;
import dev.odoobridge.sync.state.spi.RunningPostgres;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@link StateDatabase} over a HikariCP pool, optionally owning the embedded server it connects
 * to.
 */
public final class PostgresStateDatabase implements StateDatabase {
    private static final int POOL_SIZE = 10;

    private final HikariDataSource pool;
    private final RunningPostgres server;
    private final String jdbcUrl;
    private final int schemaVersion;
    private final PostgresStateStore stateStore;

    private PostgresStateDatabase(HikariDataSource pool, RunningPostgres server, String jdbcUrl, int schemaVersion) {
        this.pool = pool;
        this.server = server;
        this.jdbcUrl = jdbcUrl;
        this.schemaVersion = schemaVersion;
        this.stateStore = new PostgresStateStore(pool);
    }

    /**
     * Opens the pool, migrates the schema and takes ownership of {@code server} (may be null):
     * it is stopped when this database is closed, or at once when opening fails.
     */
    public static PostgresStateDatabase connect(String jdbcUrl, String user, String password, RunningPostgres server) {
        HikariDataSource pool = null;
        try {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(POOL_SIZE);
            config.setPoolName("odoo-bridge-state");
            config.setConnectionTimeout(10_000);
            pool = new HikariDataSource(config);
            int version = new Migrator().migrate(pool);
            return new PostgresStateDatabase(pool, server, jdbcUrl, version);
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            closeQuietly(pool, server);
            throw new StateStoreException("Could not connect to the state database at " + jdbcUrl + " as " + user
                    + ": " + rootMessage(e) + "; check the URL, that the server runs, and the credentials", e);
        } catch (RuntimeException e) {
            closeQuietly(pool, server);
            throw e;
        }
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public StateStore stateStore() {
        return stateStore;
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public String describe() {
        return jdbcUrl.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    @Override
    public void close() {
        closeQuietly(pool, server);
    }

    @Override
    public String toString() {
        return "PostgresStateDatabase{" + describe() + ", schemaVersion=" + schemaVersion + "}";
    }

    private static void closeQuietly(HikariDataSource pool, RunningPostgres server) {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
