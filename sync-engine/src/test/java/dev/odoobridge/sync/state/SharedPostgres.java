package dev.odoobridge.sync.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped at JVM exit. Tests keep
 * apart by using their own source names, or their own database from {@link #freshDatabaseUrl()}.
 */
public final class SharedPostgres {
    private SharedPostgres() {
    }

    private static final class Holder {
        static final StateDatabase DATABASE = start();

        private static StateDatabase start() {
            try {
                Path target = Path.of("target");
                Files.createDirectories(target);
                Path dir = Files.createTempDirectory(target, "embedded-pg-");
                StateDatabase db = StateDatabase.embedded(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(db::close, "shared-postgres-stop"));
                return db;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The shared, migrated database. */
    public static StateDatabase database() {
        return Holder.DATABASE;
    }

    /** The shared pool, for assertions with plain SQL. */
    public static DataSource dataSource() {
        return database().dataSource();
    }

    /** A unique name for a test's source, so tests sharing the server do not see each other's rows. */
    public static String uniqueSource(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an empty database on the shared server and returns its JDBC URL (user postgres, no password). */
    public static String freshDatabaseUrl() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        String url = database().describe();
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }
}
