package dev.odoobridge.embedded.mongo;

import com.mongodb.ConnectionString;
import dev.odoobridge.readmodel.spi.StoreReads;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded stores this process serves, by address ({@code host:port} as their connection string names it), for
 * the {@link StoreReads} a reader in this process finds by connection string. Registered for
 * {@link java.util.ServiceLoader}; applications do not call it.
 */
public final class InProcessStores implements StoreReads.Locator {
    private static final Map<String, StoreReads> SERVED = new ConcurrentHashMap<>();

    /** For {@link java.util.ServiceLoader}. */
    public InProcessStores() {
    }

    static void register(String address, StoreReads reads) {
        SERVED.put(address, reads);
    }

    static void unregister(String address, StoreReads reads) {
        SERVED.remove(address, reads);
    }

    @Override
    public Optional<StoreReads> find(String connectionString) {
        List<String> hosts;
        try {
            hosts = new ConnectionString(connectionString).getHosts();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return hosts.size() == 1 ? Optional.ofNullable(SERVED.get(hosts.get(0))) : Optional.empty();
    }
}
