package dev.odoobridge.client.internal;

import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.spi.OdooTransport;

/** Picks the transport for a config; AUTO asks the server's version first. */
final class TransportSelector {
    private TransportSelector() {
    }

    static OdooTransport select(OdooConfig config) {
        throw new IllegalStateException("transports are not wired yet");
    }
}
