package dev.odoobridge.sync.standin;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.odoobridge.readmodel.ReadModelException;
import dev.odoobridge.readmodel.spi.EmbeddedStoreProvider;
import dev.odoobridge.readmodel.spi.RunningStore;
import dev.odoobridge.readmodel.spi.StoreFastPaths;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The read model store behind {@code inMemory()} in this module's tests: a plain mongo-java-server in memory
 * reached with standard commands only. The embedded store (module {@code embedded}) depends on this module,
 * so it cannot be on this module's test class path; tests of the file store are there.
 */
public final class StandInStoreProvider implements EmbeddedStoreProvider {
    @Override
    public RunningStore inMemory() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        return new RunningStore() {
            @Override
            public Optional<StoreFastPaths> fastPaths() {
                return Optional.empty();
            }

            @Override
            public String connectionString() {
                return uri;
            }

            @Override
            public void close() {
                server.shutdownNow();
            }
        };
    }

    @Override
    public RunningStore inDirectory(Path directory) {
        throw new ReadModelException("this module's tests keep the read model in memory; the file store's tests are in "
                + "the module embedded");
    }
}
