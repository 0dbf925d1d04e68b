package dev.odoobridge.cli.runtime;

import dev.odoobridge.cli.config.BridgeConfig;
import dev.odoobridge.cli.config.ConfigException;
import dev.odoobridge.cli.config.RetailModels;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.spi.OdooClientListener;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.readmodel.StockOptions;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.schema.ServerSchemas;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.vendors.OdooVendorGateway;
import dev.odoobridge.vendors.OtpPolicy;
import dev.odoobridge.vendors.VendorLinking;
import dev.odoobridge.vendors.VendorStores;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a command needs, opened lazily from a {@link BridgeConfig}: one {@link OdooClient}
 * per source, the MongoDB {@link ReadModel}, the PostgreSQL {@link StateDatabase} and the
 * {@link SyncEngine}. Closing releases everything that was opened, in reverse order. Not
 * thread-safe for opening; the opened objects themselves are.
 */
public final class BridgeRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeRuntime.class);

    private static final int MONGO_TIMEOUT_MS = 5000;

    private final BridgeConfig config;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final Map<String, OdooClient> clients = new LinkedHashMap<>();
    private ReadModel readModel;
    private StateDatabase stateDatabase;
    private ServerSchemas schemas;
    private List<String> syncedModels;
    private OdooClientListener odooListener = OdooClientListener.NONE;

    /** A runtime over the configuration; nothing is opened yet. */
    public BridgeRuntime(BridgeConfig config) {
        this.config = Objects.requireNonNull(config, "config == null");
    }

    /** The configuration. */
    public BridgeConfig config() {
        return config;
    }

    /** The configured source names, in configuration order. */
    public List<String> sourceNames() {
        return List.copyOf(config.sources().keySet());
    }

    /** The source's configuration; a configuration error naming the known sources when it is unknown. */
    public BridgeConfig.SourceConfig source(String name) {
        BridgeConfig.SourceConfig s = config.sources().get(Objects.requireNonNull(name, "name == null"));
        if (s == null) {
            throw new ConfigException("--source", List.of("unknown source '" + name + "'; configured sources: "
                    + String.join(", ", sourceNames())));
        }
        return s;
    }

    /**
     * Reports every call of the Odoo clients to the listener (e.g. metrics). Set it before the first client is
     * created: clients keep the listener they were built with.
     *
     * @throws IllegalStateException when a client exists already
     */
    public void odooListener(OdooClientListener listener) {
        Objects.requireNonNull(listener, "listener == null");
        if (!clients.isEmpty()) {
            throw new IllegalStateException("Odoo clients exist already (" + clients.keySet() + "); set the listener first");
        }
        this.odooListener = listener;
    }

    /** The client of a source (created on first use; connects on first call). */
    public OdooClient odoo(String source) {
        OdooClient c = clients.get(source);
        if (c == null) {
            c = OdooClients.create(odooConfig(source(source)).toBuilder().listener(odooListener).build());
            clients.put(source, c);
            opened.push(c);
        }
        return c;
    }

    /** Clients of every source, in configuration order. */
    public Map<String, OdooClient> odooClients() {
        Map<String, OdooClient> all = new LinkedHashMap<>();
        for (String s : sourceNames()) {
            all.put(s, odoo(s));
        }
        return all;
    }

    /** The client configuration derived from a source's settings. */
    public static OdooConfig odooConfig(BridgeConfig.SourceConfig s) {
        Objects.requireNonNull(s, "s == null");
        return OdooConfig.builder().url(s.url()).database(s.database()).login(s.login()).secret(s.secret())
                .transport(Transport.valueOf(s.transport().toUpperCase(Locale.ROOT)))
                .connectTimeout(Duration.ofSeconds(Math.min(10, Math.max(1, s.timeout().toSeconds()))))
                .requestTimeout(s.timeout())
                .build();
    }

    /**
     * The synced models: those {@code sync.models} lists, or when it lists none the retail models plus the
     * unit-barcode models ({@code product.packaging} / {@code product.uom}) every source's server has, asked from
     * each server's {@code ir.model} on first use ({@link RetailModels}; a server that cannot be asked then counts
     * as having none, with a warning). The answer is kept for the runtime's life.
     */
    public List<String> syncedModels() {
        if (syncedModels == null) {
            if (config.sync().modelsListed()) {
                syncedModels = List.copyOf(config.sync().models());
            } else {
                List<java.util.Set<String>> onServers = new ArrayList<>();
                for (String source : sourceNames()) {
                    try {
                        onServers.add(RetailModels.unitBarcodeModelsOn(odoo(source)));
                    } catch (RuntimeException e) {
                        LOG.warn("could not ask {} which unit-barcode models it has ({}): product.packaging / "
                                + "product.uom are not synced by this process; list them under sync.models or restart "
                                + "once Odoo answers", source, e.getMessage());
                        onServers.add(java.util.Set.of());
                    }
                }
                List<String> models = new ArrayList<>(config.sync().models());
                RetailModels.defaults(onServers).stream().filter(m -> !models.contains(m)).forEach(models::add);
                syncedModels = List.copyOf(models);
                LOG.debug("synced models (sync.models not listed): {}", syncedModels);
            }
        }
        return syncedModels;
    }

    /** The synced models ({@link #syncedModels()}) with their configured extra fields, in sync order. */
    public List<Projection> projections() {
        return projectionsOf(syncedModels());
    }

    /**
     * The read model's projections, known without asking Odoo: the listed models, or when {@code sync.models}
     * lists none the retail models and every unit-barcode model (the ones a server lacks stay empty).
     */
    private List<Projection> readModelProjections() {
        List<String> models = new ArrayList<>(config.sync().models());
        if (!config.sync().modelsListed()) {
            RetailModels.unitBarcodeModels().stream().filter(m -> !models.contains(m)).forEach(models::add);
        }
        return projectionsOf(models);
    }

    private List<Projection> projectionsOf(List<String> models) {
        List<Projection> out = new ArrayList<>();
        for (String model : models) {
            Projection p = Projections.of(model);
            List<String> extra = config.sync().extraFields().get(model);
            out.add(extra == null || extra.isEmpty() ? p : p.withExtraFields(extra));
        }
        return out;
    }

    /** The read model: the configured MongoDB, or the embedded store under {@code data-dir/mongo}. */
    public ReadModel readModel() {
        if (readModel == null) {
            ReadModelConfig.Builder b = ReadModelConfig.builder().database(config.mongo().database())
                    .projections(readModelProjections());
            if (config.mongo().uri().isPresent()) {
                b.connectionString(withTimeouts(config.mongo().uri().get()));
            } else {
                b.dataDirectory(config.dataDir().resolve("mongo"));
            }
            StockOptions stock = StockOptions.DEFAULTS
                    .withDefaultThreshold(config.stock().defaultThreshold())
                    .withNearExpiryDays(config.stock().nearExpiryDays());
            if (config.stock().thresholdField().isPresent()) {
                stock = stock.withThresholdField(config.stock().thresholdField().get());
            }
            b.stockOptions(stock);
            b.tombstoneHorizon(config.feed().tombstoneHorizon());
            readModel = ReadModels.open(b.build());
            opened.push(readModel);
            LOG.debug("read model: {}", readModel.describe());
        }
        return readModel;
    }

    /**
     * The MongoDB connection string with short server-selection and connect timeouts (5 s) added
     * when it sets none, so that an unreachable MongoDB is reported within seconds instead of after
     * the driver's default 30 s. Timeouts already in the string are kept.
     */
    public static String withTimeouts(String uri) {
        Objects.requireNonNull(uri, "uri == null");
        StringBuilder sb = new StringBuilder(uri);
        int hosts = uri.indexOf("://");
        boolean hasPath = hosts >= 0 && uri.indexOf('/', hosts + 3) >= 0;
        if (!hasPath) {
            int query = uri.indexOf('?');
            sb.insert(query >= 0 ? query : sb.length(), '/');
        }
        char sep = uri.indexOf('?') >= 0 ? '&' : '?';
        String lower = uri.toLowerCase(Locale.ROOT);
        for (String option : List.of("serverSelectionTimeoutMS", "connectTimeoutMS")) {
            if (!lower.contains(option.toLowerCase(Locale.ROOT) + "=")) {
                sb.append(sep).append(option).append("=").append(MONGO_TIMEOUT_MS);
                sep = '&';
            }
        }
        return sb.toString();
    }

    /** The state database: the configured PostgreSQL, or the embedded server under {@code data-dir/postgres}. */
    public StateDatabase stateDatabase() {
        if (stateDatabase == null) {
            var pg = config.postgres();
            stateDatabase = pg.url().isPresent()
                    ? StateDatabase.connect(pg.url().get(), pg.user(), pg.password().isEmpty() ? null : pg.password())
                    : StateDatabase.embedded(config.dataDir().resolve("postgres"));
            opened.push(stateDatabase);
            LOG.debug("state database: {}", stateDatabase.describe());
        }
        return stateDatabase;
    }

    /**
     * What each source's server offers (its fields of the synced models, features on or off), read on
     * first use and shared by the sync engine and the webhook processor of this runtime.
     */
    public ServerSchemas serverSchemas() {
        if (schemas == null) {
            schemas = ServerSchemas.of(odooClients(), projections());
        }
        return schemas;
    }

    /** A sync engine over every source, reporting to the listener. */
    public SyncEngine syncEngine(SyncListener listener) {
        return syncEngine(listener, leaseOwner());
    }

    /** A sync engine over every source, reporting to the listener, taking leases as {@code leaseOwner}. */
    public SyncEngine syncEngine(SyncListener listener, String leaseOwner) {
        Objects.requireNonNull(listener, "listener == null");
        Objects.requireNonNull(leaseOwner, "leaseOwner == null");
        return SyncEngine.builder()
                .sources(odooClients())
                .projector(readModel().projector())
                .stateStore(stateDatabase().stateStore())
                .projections(projections())
                .schemas(serverSchemas())
                .pageSize(config.sync().pageSize())
                .parallelism(config.sync().parallelism())
                .readers(config.sync().readers())
                .overlap(config.sync().overlap())
                .lease(leaseOwner, Duration.ofMinutes(5))
                .listener(listener)
                .build();
    }

    /** The vendor OTP secret; a configuration error when it is not set. */
    public byte[] otpSecret() {
        String secret = config.vendor().otpSecret().orElseThrow(() -> new ConfigException("vendor.otp-secret",
                List.of("vendor.otp-secret is required for vendor commands: set it to a random string of at least "
                        + "16 characters, e.g. `otp-secret: ${ODOO_BRIDGE_OTP_SECRET}`")));
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Vendor linking over the state database (links, challenges, audit) and every source's Odoo
     * (partner lookup, code delivery); codes go to the partner or to the source's shop-email
     * according to {@code vendor.mail-to}.
     */
    public VendorLinking vendorLinking() {
        OdooVendorGateway gateway = new OdooVendorGateway(odooClients());
        VendorLinking.DeliveryTarget target = "shop".equals(config.vendor().mailTo())
                ? VendorLinking.DeliveryTarget.SHOP : VendorLinking.DeliveryTarget.PARTNER;
        return new VendorLinking(VendorStores.postgres(stateDatabase()), gateway, gateway, otpSecret(),
                OtpPolicy.DEFAULT, target, Clock.systemUTC());
    }

    private static String leaseOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":cli";
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            AutoCloseable c = opened.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
        clients.clear();
        readModel = null;
        stateDatabase = null;
        schemas = null;
    }
}
