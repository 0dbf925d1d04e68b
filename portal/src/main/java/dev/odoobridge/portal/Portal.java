package dev.odoobridge.portal;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.portal.auth.CodeSignIn;
import dev.odoobridge.portal.auth.OdooSupplierDirectory;
import dev.odoobridge.portal.auth.OidcSignIn;
import dev.odoobridge.portal.auth.SessionGate;
import dev.odoobridge.portal.auth.Sessions;
import dev.odoobridge.portal.auth.SignInPages;
import dev.odoobridge.portal.auth.SupplierDirectory;
import dev.odoobridge.portal.data.VendorData;
import dev.odoobridge.portal.links.LinkPages;
import dev.odoobridge.portal.web.Gate;
import dev.odoobridge.portal.web.PageModule;
import dev.odoobridge.portal.web.PortalHandler;
import dev.odoobridge.portal.web.Templates;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.vendors.OdooVendorGateway;
import dev.odoobridge.vendors.OneTimeCodes;
import dev.odoobridge.vendors.OtpPolicy;
import dev.odoobridge.vendors.VendorLinking;
import dev.odoobridge.vendors.VendorStore;
import dev.odoobridge.vendors.VendorStores;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;

/**
 * The vendor portal as one Jetty {@link Handler}, to be mounted under a path prefix ({@code serve} mounts it at
 * {@code /portal}) inside a {@link org.eclipse.jetty.server.handler.ContextHandler}, so links and redirects carry
 * the prefix.
 *
 * <p>Built over the state database (sessions, sign-in codes, vendor links, audit), the sources' Odoo clients (codes
 * and link codes mailed through them, partners and suppliers looked up in them) and the server secret, it serves the
 * sign-in pages and the vendor's shop links, plus the page modules added with {@link Builder#pages} or
 * {@link Builder#module}. Ended sessions are purged every hour. Close it to stop the mail delivery and purge threads.
 */
public final class Portal implements AutoCloseable {
    /** How often ended sessions are deleted from the state database. */
    static final java.time.Duration PURGE_EVERY = java.time.Duration.ofHours(1);

    private final Handler handler;
    private final ExecutorService ownDelivery;
    private final java.util.concurrent.ScheduledExecutorService housekeeping;

    private Portal(Handler handler, ExecutorService ownDelivery, Sessions sessions) {
        this.handler = handler;
        this.ownDelivery = ownDelivery;
        if (sessions == null) {
            this.housekeeping = null;
        } else {
            this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "portal-session-purge");
                t.setDaemon(true);
                return t;
            });
            housekeeping.scheduleWithFixedDelay(() -> purge(sessions), PURGE_EVERY.toMinutes(), PURGE_EVERY.toMinutes(),
                    TimeUnit.MINUTES);
        }
    }

    private static void purge(Sessions sessions) {
        try {
            int purged = sessions.purge();
            if (purged > 0) {
                org.slf4j.LoggerFactory.getLogger(Portal.class).info("portal: {} ended sessions purged", purged);
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Portal.class).warn("portal: purging ended sessions failed: {}", e.toString());
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The handler serving every portal page. */
    public Handler handler() {
        return handler;
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        if (ownDelivery != null) {
            ownDelivery.shutdown();
            try {
                ownDelivery.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Builds a {@link Portal}. */
    public static final class Builder {
        private final List<PageModule> modules = new ArrayList<>();
        private final List<Function<PortalServices, PageModule>> pages = new ArrayList<>();
        private final Map<String, Optional<String>> shopEmails = new LinkedHashMap<>();
        private Gate gate;
        private PortalConfig config;
        private StateDatabase database;
        private Map<String, OdooClient> sources;
        private byte[] secret;
        private VendorData data;
        private SupplierDirectory suppliers;
        private OtpPolicy policy = OtpPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Executor delivery;

        private Builder() {
        }

        /**
         * A custom gate instead of the portal's sessions (to test page modules alone, or to embed the portal behind
         * another sign-in); without a state database, only the modules added with {@link #module} are served.
         */
        public Builder gate(Gate gate) {
            this.gate = Objects.requireNonNull(gate, "gate == null");
            return this;
        }

        /** Adds a group of pages. */
        public Builder module(PageModule module) {
            modules.add(Objects.requireNonNull(module, "module == null"));
            return this;
        }

        /** Adds a group of pages built from the portal's services (the dashboard, product pages, ...). */
        public Builder pages(Function<PortalServices, PageModule> factory) {
            pages.add(Objects.requireNonNull(factory, "factory == null"));
            return this;
        }

        /** Sign-in and session settings (required with a state database). */
        public Builder config(PortalConfig config) {
            this.config = Objects.requireNonNull(config, "config == null");
            return this;
        }

        /** The state database: sessions, sign-in codes, vendor links and audit. */
        public Builder stateDatabase(StateDatabase database) {
            this.database = Objects.requireNonNull(database, "database == null");
            return this;
        }

        /** The sources' Odoo clients by source name, in the order the link form shows them. */
        public Builder sources(Map<String, OdooClient> sources) {
            this.sources = new LinkedHashMap<>(Objects.requireNonNull(sources, "sources == null"));
            return this;
        }

        /** A source's shop address (where link codes go when the vendor picks "the shop"). */
        public Builder shopEmail(String source, String email) {
            shopEmails.put(Objects.requireNonNull(source, "source == null"), Optional.ofNullable(email));
            return this;
        }

        /** The server secret of codes and tokens (at least 16 bytes; the vendor OTP secret). */
        public Builder secret(byte[] secret) {
            this.secret = Objects.requireNonNull(secret, "secret == null").clone();
            return this;
        }

        /** What the pages show (required with {@link #pages}). */
        public Builder vendorData(VendorData data) {
            this.data = Objects.requireNonNull(data, "data == null");
            return this;
        }

        /** Who may sign in without a link (default: active suppliers in the sources' Odoo). */
        public Builder suppliers(SupplierDirectory suppliers) {
            this.suppliers = Objects.requireNonNull(suppliers, "suppliers == null");
            return this;
        }

        /** Rules of sign-in and link codes (default {@link OtpPolicy#DEFAULT}). */
        public Builder otpPolicy(OtpPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy == null");
            return this;
        }

        /** Time source (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** Where sign-in codes are mailed from (default: one daemon thread of the portal). */
        public Builder deliveryExecutor(Executor delivery) {
            this.delivery = Objects.requireNonNull(delivery, "delivery == null");
            return this;
        }

        /** The portal; throws when a required part is missing. */
        public Portal build() {
            if (database == null) {
                if (gate == null) {
                    throw new IllegalStateException("the portal needs a state database (sessions, links) or a gate");
                }
                if (!pages.isEmpty()) {
                    throw new IllegalStateException("pages(...) needs the state database (vendor links and audit)");
                }
                return new Portal(new PortalHandler(List.copyOf(modules), gate, Templates.precompiled()), null, null);
            }
            if (gate != null) {
                throw new IllegalStateException("a portal over the state database has its own gate (sessions); set either");
            }
            if (config == null || sources == null || secret == null) {
                throw new IllegalStateException("the portal needs config, sources and secret besides the state database");
            }
            if (!sources.containsKey(config.mailSource())) {
                throw new IllegalStateException("portal.mail-source '" + config.mailSource() + "' is not a configured source "
                        + sources.keySet());
            }
            if (!pages.isEmpty() && data == null) {
                throw new IllegalStateException("pages(...) needs vendorData(...)");
            }
            OneTimeCodes codes = new OneTimeCodes(secret);
            VendorStore store = VendorStores.postgres(database);
            OdooVendorGateway odoo = new OdooVendorGateway(sources);
            VendorLinking linking = new VendorLinking(store, odoo, odoo, secret, policy, VendorLinking.DeliveryTarget.PARTNER,
                    clock);
            Sessions sessions = new Sessions(database.dataSource(), config.sessionIdle(), config.sessionAbsolute(), clock);
            SessionGate sessionGate = new SessionGate(sessions, codes, config.secureCookies());
            ExecutorService own = null;
            Executor mailing = delivery;
            if (mailing == null) {
                own = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "portal-signin-mail");
                    t.setDaemon(true);
                    return t;
                });
                mailing = own;
            }
            CodeSignIn codeSignIn = new CodeSignIn(database.dataSource(), store,
                    suppliers != null ? suppliers : new OdooSupplierDirectory(sources), odoo, config.mailSource(), codes,
                    policy, clock, mailing);
            Optional<OidcSignIn> oidc = config.oidc().map(o -> new OidcSignIn(o, database.dataSource(), clock));
            Map<String, Optional<String>> shops = new LinkedHashMap<>();
            sources.keySet().forEach(s -> shops.put(s, shopEmails.getOrDefault(s, Optional.empty())));
            List<PageModule> all = new ArrayList<>();
            all.add(new SignInPages(sessionGate, codeSignIn, oidc, store, clock));
            all.add(new LinkPages(linking, odoo, store, shops, clock));
            if (!pages.isEmpty()) {
                PortalServices services = new PortalServices(data, linking, store, sources, clock);
                pages.forEach(f -> all.add(f.apply(services)));
            }
            all.addAll(modules);
            return new Portal(new PortalHandler(List.copyOf(all), sessionGate, Templates.precompiled()),
                    own, sessions);
        }
    }
}
