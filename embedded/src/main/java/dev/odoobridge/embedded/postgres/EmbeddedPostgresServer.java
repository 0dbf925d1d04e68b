package dev.odoobridge.embedded.postgres;

import dev.odoobridge.embedded.internal.EndpointFile;
import dev.odoobridge.sync.state.StateStoreException;
import dev.odoobridge.sync.state.spi.RunningPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server from the zonky binaries with its data in a directory that survives
 * restarts. As root, zonky starts {@code initdb} and {@code pg_ctl} through {@code unshare -U}:
 * inside the new user namespace the process is the unmapped user, which PostgreSQL accepts, and
 * the root-owned data directory appears owned by that same user.
 */
final class EmbeddedPostgresServer implements RunningPostgres {
    /** The superuser zonky's initdb creates. */
    static final String USER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String LOCK_FILE = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private final EndpointFile.Published endpoint;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.endpoint = EndpointFile.publish(dataDirectory, postgres.getPort(), jdbcUrl());
    }

    /** Starts the server (running initdb first when the directory holds no cluster yet). */
    static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        Objects.requireNonNull(dataDirectory, "dataDirectory == null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, was " + port);
        }
        Path dir = dataDirectory.toAbsolutePath().normalize();
        prepareDirectory(dir);
        checkRootSupport();
        if (port != 0) {
            checkPortFree(port);
        }
        stopOrphanedServer(dir);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(STARTUP_WAIT);
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            LOG.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dir);
            return new EmbeddedPostgresServer(pg, dir);
        } catch (IOException | RuntimeException e) {
            throw new StateStoreException("Could not start the embedded PostgreSQL with data in " + dir
                    + (port == 0 ? "" : " on port " + port) + ": " + e.getMessage()
                    + ". Check that the directory is writable and holds a PostgreSQL 16 cluster (or is empty),"
                    + " and see the postgres log lines above.", e);
        }
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    @Override
    public String user() {
        return USER;
    }

    /** The port the server listens on. */
    public int port() {
        return postgres.getPort();
    }

    /** Stops the server (fast shutdown); data stays in the directory. Never throws. */
    @Override
    public void close() {
        endpoint.close();
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Stopping the embedded PostgreSQL with data in {} failed: {}", dataDirectory, e.toString(), e);
        }
    }

    private static void prepareDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StateStoreException("The PostgreSQL data directory " + dir + " is a file, not a directory;"
                    + " give the path of a directory (it is created when missing)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StateStoreException("Could not create the PostgreSQL data directory " + dir + ": " + e
                    + "; choose a writable location", e);
        }
        if (!Files.isWritable(dir)) {
            throw new StateStoreException("The PostgreSQL data directory " + dir + " is not writable by this process;"
                    + " fix its permissions or choose another directory");
        }
    }

    private static void checkRootSupport() {
        if (isRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new StateStoreException("PostgreSQL refuses to run as root and 'unshare -U' is not available"
                    + " (util-linux missing or user namespaces disabled). Run as a non-root user, enable user"
                    + " namespaces (sysctl kernel.unprivileged_userns_clone=1, or a container seccomp profile"
                    + " that allows unshare), or use an external PostgreSQL by JDBC URL.");
        }
    }

    static boolean isRoot() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win")) {
            return false;
        }
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static void checkPortFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new StateStoreException("Port " + port + " on " + InetAddress.getLoopbackAddress().getHostAddress()
                    + " is not usable for the embedded PostgreSQL (" + e.getMessage()
                    + "); choose another port, or 0 for any free port", e);
        }
    }

    /**
     * A server left running by a process that died (killed, not closed) keeps its
     * {@code postmaster.pid}; the next start would fail. When nobody holds the directory's lock
     * file, such a server is orphaned and is stopped here.
     */
    private static void stopOrphanedServer(Path dir) {
        if (!Files.exists(dir.resolve("PG_VERSION"))) {
            return; // no cluster yet: initdb needs the directory empty, and nothing can be running on it
        }
        Path lock = dir.resolve(LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                throw inUse(dir, null);
            }
            try {
                orphanPid(dir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                        .filter(EmbeddedPostgresServer::isPostgres).ifPresent(process -> stop(process, dir));
            } finally {
                held.release();
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dir, e);
        } catch (IOException e) {
            throw new StateStoreException("Could not lock the PostgreSQL data directory " + dir + ": " + e, e);
        }
    }

    /** Whether a process (this one or another) holds the directory's lock file, i.e. runs a server on it. */
    static boolean locked(Path dir) {
        Path lock = dir.resolve(LOCK_FILE);
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static StateStoreException inUse(Path dir, Throwable cause) {
        return new StateStoreException("The PostgreSQL data directory " + dir + " is in use by another embedded server"
                + " (its lock file " + LOCK_FILE + " is held) that published no live endpoint (" + EndpointFile.NAME
                + "); stop that process or use another directory", cause);
    }

    private static Optional<Long> orphanPid(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring unreadable {}: first line '{}'", pidFile, lines.get(0));
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("postgres.exe")).orElse(false);
    }

    private static void stop(ProcessHandle process, Path dir) {
        LOG.warn("Stopping PostgreSQL pid {} left running on {} by a process that ended without closing it",
                process.pid(), dir);
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("Interrupted while stopping the orphaned PostgreSQL pid " + process.pid(), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StateStoreException("The orphaned PostgreSQL pid " + process.pid() + " on " + dir
                    + " did not stop within 30 s; stop it (kill " + process.pid() + ") and retry", e);
        }
    }
}
