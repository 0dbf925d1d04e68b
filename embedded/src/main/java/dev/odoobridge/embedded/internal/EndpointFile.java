package dev.odoobridge.embedded.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint of an embedded server, published in its data directory ({@value #NAME}) by the process that runs
 * it: that process's pid, the loopback port and the address clients connect to. Another process that finds the
 * directory locked connects to that address instead of failing. The file is written atomically (a temporary file
 * moved into place), removed when the server is closed, and ignored when its process is dead or its port does not
 * answer (a process killed without closing leaves it behind).
 */
public final class EndpointFile {
    /** The file name in the data directory. */
    public static final String NAME = "odoo-bridge-endpoint.properties";
    private static final Logger LOG = LoggerFactory.getLogger(EndpointFile.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    /**
     * A published endpoint.
     *
     * @param pid the process running the server
     * @param port its loopback port
     * @param address what clients connect to (a JDBC URL, a MongoDB connection string)
     */
    public record Endpoint(long pid, int port, String address) {
        public Endpoint {
            Objects.requireNonNull(address, "address == null");
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port);
            }
        }
    }

    private EndpointFile() {
    }

    /**
     * A published endpoint file: {@link #close()} removes it. A JVM shutdown hook removes it too, so a process
     * stopped by a signal (SIGTERM, Ctrl-C) does not leave it behind; only a killed process does.
     */
    public static final class Published implements AutoCloseable {
        private final Path directory;
        private final Thread hook;

        private Published(Path directory) {
            this.directory = directory;
            this.hook = new Thread(() -> withdraw(directory), "endpoint-file-withdraw");
            try {
                Runtime.getRuntime().addShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping already: close() is the only way left
            }
        }

        /** Removes the file when it still names this process. Never throws. */
        @Override
        public void close() {
            withdraw(directory);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
    }

    /**
     * Publishes this process's server on {@code port} at {@code address} in the directory, replacing a file left
     * by an earlier owner; close the returned handle when the server stops. A failure to write is logged, not
     * thrown: the server runs, only other processes cannot find it.
     */
    public static Published publish(Path directory, int port, String address) {
        writeFile(directory, port, address);
        return new Published(directory);
    }

    private static void writeFile(Path directory, int port, String address) {
        Endpoint endpoint = new Endpoint(ProcessHandle.current().pid(), port, address);
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(endpoint.pid()));
        p.setProperty("port", Integer.toString(endpoint.port()));
        p.setProperty("address", endpoint.address());
        Path file = directory.resolve(NAME);
        Path temp = directory.resolve(NAME + "." + endpoint.pid() + ".tmp");
        try {
            StringWriter text = new StringWriter();
            p.store(text, "odoo-bridge: the process running this embedded server; removed when it stops");
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write(text.toString());
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not publish the embedded server's endpoint in {} ({}); other processes on this data"
                    + " directory will fail on its lock", file, e.toString());
            deleteQuietly(temp);
        }
    }

    /** Removes the file when it still names this process (another owner may have replaced it since). Never throws. */
    private static void withdraw(Path directory) {
        Path file = directory.resolve(NAME);
        try {
            Optional<Endpoint> published = read(file);
            if (published.isPresent() && published.get().pid() == ProcessHandle.current().pid()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not remove {}: {}", file, e.toString());
        }
    }

    /**
     * The endpoint published in the directory by a live process whose port answers on the loopback interface;
     * empty when there is none, or the file is stale (its process is dead, its port closed) or unreadable.
     */
    public static Optional<Endpoint> live(Path directory) {
        Path file = directory.resolve(NAME);
        Optional<Endpoint> published;
        try {
            published = read(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the unreadable endpoint file {}: {}", file, e.toString());
            return Optional.empty();
        }
        if (published.isEmpty()) {
            return Optional.empty();
        }
        Endpoint endpoint = published.get();
        boolean alive = ProcessHandle.of(endpoint.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            LOG.info("Ignoring {}: its process {} is no longer running", file, endpoint.pid());
            return Optional.empty();
        }
        if (!answers(endpoint.port())) {
            LOG.info("Ignoring {}: nothing answers on port {} (process {})", file, endpoint.port(), endpoint.pid());
            return Optional.empty();
        }
        return published;
    }

    private static Optional<Endpoint> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String pid = p.getProperty("pid");
        String port = p.getProperty("port");
        String address = p.getProperty("address");
        if (pid == null || port == null || address == null) {
            throw new IllegalArgumentException("pid, port or address missing");
        }
        return Optional.of(new Endpoint(Long.parseLong(pid.trim()), Integer.parseInt(port.trim()), address.trim()));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not remove {}: {}", file, e.toString());
        }
    }
}
