package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.readmodel.spi.RunningStore;
import dev.odoobridge.readmodel.spi.StoreFastPaths;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The in-process MongoDB-compatible server (mongo-java-server) on a free loopback port. */
final class EmbeddedMongoServer implements RunningStore {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final MongoBackend backend;
    private final StoreFastPaths fastPaths;
    private final String connectionString;

    private EmbeddedMongoServer(MongoBackend backend, StoreFastPaths fastPaths) {
        this.backend = backend;
        this.fastPaths = fastPaths;
        this.server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Starts a server keeping its data in memory (no fast paths: the projector uses standard commands). */
    static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new InMemoryBackend(), null);
    }

    /** Starts a server with its H2 file store {@code readmodel.mv} in the directory. */
    static EmbeddedMongoServer inDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ReadModelException("cannot create the read model data directory " + directory
                    + ": " + e.getMessage() + "; choose a writable directory", e);
        }
        Path file = directory.resolve("readmodel.mv").toAbsolutePath();
        DurableH2Backend backend;
        try {
            backend = DurableH2Backend.open(file.toString());
        } catch (RuntimeException e) {
            throw new ReadModelException("cannot open the embedded read model store " + file + " (is another process using it?): "
                    + e.getMessage(), e);
        }
        LOG.info("embedded read model store at {}", file);
        return new EmbeddedMongoServer(backend, backend.fastPaths());
    }

    @Override
    public String connectionString() {
        return connectionString;
    }

    @Override
    public Optional<StoreFastPaths> fastPaths() {
        return Optional.ofNullable(fastPaths);
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
