package dev.odoobridge.cli.command;

import dev.odoobridge.cli.config.BridgeConfig;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.portal.Portal;
import dev.odoobridge.portal.PortalConfig;
import dev.odoobridge.portal.pages.StandardPages;
import dev.odoobridge.serve.Serve;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.vendors.restock.RestockPlanner;
import java.time.Clock;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * The vendor portal as {@code serve} offers it: built over the state database, every source's Odoo client and the
 * vendor OTP secret, mounted at {@code /portal/} inside a {@link ContextHandler}, so its links and cookies carry the
 * prefix. Closing it stops its mail delivery thread.
 */
final class ServedPortal implements AutoCloseable {
    /** Where the portal is mounted. */
    static final String PREFIX = "/portal";

    private final Portal portal;

    private ServedPortal(Portal portal) {
        this.portal = portal;
    }

    /** Builds the portal and mounts it on {@code serve}. */
    static ServedPortal mount(BridgeRuntime rt, StateDatabase db, SyncEngine engine, PortalConfig config, Serve.Builder serve) {
        Portal.Builder b = Portal.builder().stateDatabase(db).config(config).sources(rt.odooClients())
                .secret(rt.otpSecret());
        for (String name : rt.sourceNames()) {
            BridgeConfig.SourceConfig s = rt.source(name);
            b.shopEmail(name, s.shopEmail().orElse(null));
        }
        boolean purchasesSynced = rt.config().sync().models().containsAll(RestockPlanner.PURCHASE_MODELS);
        StandardPages.addTo(b, rt.readModel(), db, purchasesSynced ? engine : null, rt.config().stock().nearExpiryDays(),
                Clock.systemUTC());
        Portal portal = b.build();
        serve.mount(PREFIX + "/", new ContextHandler(portal.handler(), PREFIX));
        return new ServedPortal(portal);
    }

    @Override
    public void close() {
        portal.close();
    }
}
