package dev.odoobridge.embedded.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import dev.odoobridge.embedded.internal.EndpointFile;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.readmodel.spi.RunningStore;
import dev.odoobridge.readmodel.spi.StoreFastPaths;
import dev.odoobridge.readmodel.spi.StoreReads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The in-process MongoDB-compatible server (mongo-java-server) on a free loopback port. */
final class EmbeddedMongoServer implements RunningStore {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final AbstractMongoBackend backend;
    private final StoreFastPaths fastPaths;
    private final String connectionString;

    private final EndpointFile.Published endpoint;
    /** The address readers in this process find {@link #reads} by. */
    private final String address;
    private final StoreReads reads;

    private EmbeddedMongoServer(AbstractMongoBackend backend, StoreFastPaths fastPaths, StoreReads reads, Path directory) {
        this.backend = backend;
        this.fastPaths = fastPaths;
        this.server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        this.address = address.getHostString() + ":" + address.getPort();
        this.connectionString = "mongodb://" + this.address;
        this.reads = reads;
        InProcessStores.register(this.address, reads);
        this.endpoint = directory == null ? null : EndpointFile.publish(directory, address.getPort(), connectionString);
    }

    /** Whether the documents are in a file (else in memory). */
    boolean isFileStore() {
        return backend instanceof DurableH2Backend;
    }

    /** How many documents the collection keeps encoded for readers of this process (0 when it does not exist). */
    int encodedDocuments(String database, String collection) {
        return backend.resolveDatabase(database).resolveCollection(collection, false) instanceof InProcessQueries q
                ? q.encodedDocuments() : 0;
    }

    /**
     * Starts a server keeping its data in memory (no fast paths: the projector uses standard commands; readers in this
     * process find its {@link StoreReads}).
     */
    static EmbeddedMongoServer inMemory() {
        InMemoryBackend backend = new InMemoryBackend();
        return new EmbeddedMongoServer(backend, null, new InProcessReads(backend, Supplier::get), null);
    }

    /**
     * Starts a server with its H2 file store {@code readmodel.mv} in the directory and publishes its endpoint
     * there; when another live process already serves the directory (its published endpoint answers), returns
     * that server instead, without fast paths (its file belongs to that process).
     */
    static RunningStore inDirectory(Path directory) {
        Optional<EndpointFile.Endpoint> owner = Files.isDirectory(directory) ? EndpointFile.live(directory) : Optional.empty();
        if (owner.isPresent()) {
            LOG.info("The read model store in {} is in use by process {}: connecting to its server on port {}",
                    directory, owner.get().pid(), owner.get().port());
            return new AttachedStore(owner.get().address());
        }
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
        return new EmbeddedMongoServer(backend, backend.fastPaths(), new InProcessReads(backend, backend::read), directory);
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
        InProcessStores.unregister(address, reads);
        if (endpoint != null) {
            endpoint.close();
        }
        server.shutdownNow();
        backend.close();
    }
}
