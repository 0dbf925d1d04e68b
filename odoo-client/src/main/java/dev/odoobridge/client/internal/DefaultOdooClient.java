package dev.odoobridge.client.internal;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.spi.OdooCall;
import dev.odoobridge.client.spi.OdooTransport;
import java.util.Objects;

/** The client: model handles over one transport, with retries and listener calls. */
public final class DefaultOdooClient implements OdooClient {
    private final OdooConfig config;
    private final OdooTransport transport;
    private final CallExecutor executor;

    private DefaultOdooClient(OdooConfig config, OdooTransport transport) {
        this.config = config;
        this.transport = transport;
        this.executor = new CallExecutor(transport, config.retryPolicy(), config.listener());
    }

    /** A client whose transport follows the config (AUTO probes the server version). */
    public static OdooClient create(OdooConfig config) {
        return new DefaultOdooClient(config, TransportSelector.select(config));
    }

    /** A client over the given transport. */
    public static OdooClient create(OdooConfig config, OdooTransport transport) {
        return new DefaultOdooClient(config, transport);
    }

    @Override
    public ServerVersion version() {
        return executor.run(null, "version", true, transport::version);
    }

    @Override
    public int authenticate() {
        return executor.run(null, "authenticate", true, transport::authenticate);
    }

    @Override
    public ModelHandle model(String modelName) {
        Objects.requireNonNull(modelName, "modelName == null");
        if (modelName.isBlank()) {
            throw new IllegalArgumentException("model name is blank");
        }
        return new DefaultModelHandle(modelName, this);
    }

    Object execute(OdooCall call) {
        return executor.run(call.model(), call.method(), call.idempotent(), () -> transport.execute(call));
    }

    @Override
    public OdooConfig config() {
        return config;
    }

    @Override
    public Transport transport() {
        return switch (transport.name()) {
            case "json2" -> Transport.JSON2;
            case "jsonrpc" -> Transport.JSONRPC;
            case "xmlrpc" -> Transport.XMLRPC;
            default -> config.transport();
        };
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "OdooClient{" + config.url() + ", db=" + config.database() + ", login=" + config.login()
                + ", transport=" + transport.name() + "}";
    }
}
