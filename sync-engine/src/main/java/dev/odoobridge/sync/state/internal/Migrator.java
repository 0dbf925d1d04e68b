package dev.odoobridge.sync.state.internal;

import dev.odoobridge.sync.state.StateStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned SQL scripts listed in {@code db/migration/migrations.txt}
 * ({@code V<n>__<description>.sql}) in order, all pending ones in one transaction, recording each
 * in {@code schema_version} with a checksum. A transaction-scoped advisory lock serialises
 * processes that start at the same time; the second one finds everything applied.
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final String BASE = "db/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    /** Arbitrary constant naming the migration lock ("odoobrdg" in ASCII). */
    private static final long LOCK_KEY = 0x6f646f6f62726467L;

    /** One script. */
    record Migration(int version, String description, String sql, String checksum) {
    }

    private final List<Migration> migrations;

    /** Migrations read from the class path of this class. */
    public Migrator() {
        this(load(Migrator.class.getClassLoader()));
    }

    Migrator(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    /** Applies what is pending and returns the highest applied version afterwards. */
    public int migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource == null");
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int version = migrate(c);
                c.commit();
                return version;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StateStoreException("Schema migration of the state database failed: " + e.getMessage()
                    + "; nothing was changed (the migration runs in one transaction)", e);
        }
    }

    private int migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY,"
                    + " description text NOT NULL, checksum text NOT NULL,"
                    + " applied_at timestamptz NOT NULL DEFAULT now())");
        }
        Map<Integer, String> applied = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM schema_version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        int highest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Migration m : migrations) {
            String checksum = applied.get(m.version());
            if (checksum != null) {
                if (!checksum.equals(m.checksum())) {
                    throw new StateStoreException("Migration V" + m.version() + "__" + m.description()
                            + " was changed after it had been applied to this database (checksum " + checksum
                            + " stored, " + m.checksum() + " shipped); restore the original script");
                }
                continue;
            }
            LOG.info("Applying state schema migration V{}__{}", m.version(), m.description());
            try (Statement s = c.createStatement()) {
                s.execute(m.sql());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO schema_version (version, description, checksum) VALUES (?, ?, ?)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.setString(3, m.checksum());
                ps.executeUpdate();
            }
            highest = Math.max(highest, m.version());
        }
        return highest;
    }

    static List<Migration> load(ClassLoader loader) {
        String index = read(loader, BASE + "migrations.txt");
        List<Migration> result = new ArrayList<>();
        int previous = 0;
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("Bad migration name '" + name + "' in " + BASE
                        + "migrations.txt; expected V<number>__<description>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (version <= previous) {
                throw new IllegalStateException("Migrations must be listed in increasing version order; V"
                        + version + " follows V" + previous);
            }
            previous = version;
            String sql = read(loader, BASE + name);
            result.add(new Migration(version, m.group(2), sql, sha256(sql)));
        }
        return result;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing class path resource " + resource + "; the jar is incomplete");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read class path resource " + resource + ": " + e, e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
