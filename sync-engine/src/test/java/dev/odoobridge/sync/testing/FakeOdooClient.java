package dev.odoobridge.sync.testing;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.ServerVersion;

/** An {@link OdooClient} on a {@link FakeOdoo}. */
final class FakeOdooClient implements OdooClient {
    private final FakeOdoo odoo;
    private final OdooConfig config = OdooConfig.builder().url("http://fake-odoo.invalid").database("odoo")
            .login("admin").secret("admin").build();

    FakeOdooClient(FakeOdoo odoo) {
        this.odoo = odoo;
    }

    @Override
    public ServerVersion version() {
        return new ServerVersion("19.0", 19, 0, "final", 1);
    }

    @Override
    public int authenticate() {
        return 2;
    }

    @Override
    public ModelHandle model(String modelName) {
        return new FakeModelHandle(odoo, modelName);
    }

    @Override
    public OdooConfig config() {
        return config;
    }

    @Override
    public void close() {
    }
}
