package dev.odoobridge.client.spi;

import dev.odoobridge.client.ServerVersion;

/**
 * A wire protocol. Implementations are thread-safe, translate every failure into the
 * {@link dev.odoobridge.client.error.OdooException} hierarchy (through one translator), and
 * return plain Java values: {@code Map<String,Object>}, {@code List<Object>}, String, Number
 * (Integer, Long or Double), Boolean. They do not retry; the client does.
 */
public interface OdooTransport extends AutoCloseable {

    /** Short name for logs and listeners, e.g. {@code "xmlrpc"}. */
    String name();

    /** The server version; needs no credentials. */
    ServerVersion version();

    /**
     * Authenticates with the configured credentials and returns the uid.
     *
     * @throws dev.odoobridge.client.error.AccessDeniedException when Odoo refuses them
     */
    int authenticate();

    /** Executes one ORM call and returns its decoded result. */
    Object execute(OdooCall call);

    /** Releases resources; never throws. */
    @Override
    void close();
}
