package dev.odoobridge.client;

import dev.odoobridge.client.internal.DefaultOdooClient;
import dev.odoobridge.client.spi.OdooTransport;
import java.util.Objects;

/** Factory for {@link OdooClient}s. */
public final class OdooClients {
    private OdooClients() {
    }

    /** Creates a client for the configured server; the transport follows {@link OdooConfig#transport()}. */
    public static OdooClient create(OdooConfig config) {
        Objects.requireNonNull(config, "config == null");
        return DefaultOdooClient.create(config);
    }

    /** Creates a client over a caller-supplied transport (tests, custom protocols). */
    public static OdooClient create(OdooConfig config, OdooTransport transport) {
        Objects.requireNonNull(config, "config == null");
        Objects.requireNonNull(transport, "transport == null");
        return DefaultOdooClient.create(config, transport);
    }
}
