package dev.odoobridge.testkit;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.testkit.internal.orm.FakeOrm;
import dev.odoobridge.testkit.internal.orm.OdooRelease;
import dev.odoobridge.testkit.internal.orm.OrmFault;
import dev.odoobridge.testkit.internal.server.Credentials;
import dev.odoobridge.testkit.internal.server.FaultPlan;
import dev.odoobridge.testkit.internal.server.OdooServer;
import dev.odoobridge.testkit.internal.server.WebhookDispatcher;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * An in-process Odoo server (19.0 by default, or 17.0 / 18.0) for tests, demos and benchmarks: XML-RPC,
 * JSON-RPC, JSON-2 and {@code /web/version} over an in-memory store of the retail models, whose fields are those
 * of a real server of the played version (see {@link Builder#version}), with users {@code admin}/
 * {@code admin} (uid 2) and the non-admin {@code demo}/{@code demo}, API keys, webhooks and fault
 * injection.
 *
 * <pre>{@code
 * try (FakeOdoo fake = FakeOdoo.builder().products(200).build().start();
 *      OdooClient odoo = fake.adminClient()) {
 *     long n = odoo.model("product.product").searchCount(Domains.all());
 * }
 * }</pre>
 */
public final class FakeOdoo implements AutoCloseable {
    /** The administrator's login and password. */
    public static final String ADMIN = "admin";
    /** The non-admin user's login and password. */
    public static final String DEMO = "demo";

    private final String database;
    private final int port;
    private final int threads;
    private final ServingPace pace;
    private final FakeOrm orm;
    private final Credentials credentials;
    private final FaultPlan faultPlan;
    private final WebhookDispatcher dispatcher;
    private final Webhooks webhooks;
    private final Faults faults;
    private final RetailDataSummary data;
    private OdooServer server;

    private FakeOdoo(Builder b) {
        this.database = b.database;
        this.port = b.port;
        this.threads = b.threads;
        this.pace = b.pace;
        Random random = new Random(b.seed);
        OdooRelease release = b.release();
        this.orm = new FakeOrm(b.clock, release, b.schema);
        this.credentials = new Credentials(new Random(random.nextLong()));
        this.faultPlan = new FaultPlan(new Random(random.nextLong()));
        this.dispatcher = new WebhookDispatcher();
        this.orm.setWebhookSender(dispatcher);
        this.orm.setWebhooksBeforeCommit(orm.release().major() < 19);
        this.webhooks = new Webhooks(dispatcher, orm, b.clock);
        this.faults = new Faults(faultPlan);
        addUsers();
        this.data = b.products > 0
                ? RetailDataGenerator.builder().seed(b.seed).products(b.products).now(b.clock.instant())
                        .writeDates(b.writeDates)
                        .odooVersion(release.version()).productExpiry(release.has("product_expiry")).build()
                        .generate(orm)
                : null;
        if (b.loader != null) {
            b.loader.accept(orm);
        }
    }

    private void addUsers() {
        addUser("__system__", "OdooBot", null);
        addUser(ADMIN, "Administrator", ADMIN);
        addUser(DEMO, "Marc Demo", DEMO);
    }

    private void addUser(String login, String name, String password) {
        long partner = orm.insert("res.partner", Map.of("name", name));
        long uid = orm.insert("res.users", Map.of("login", login, "name", name, "partner_id", partner,
                "share", false, "active", password != null));
        if (password != null) {
            credentials.add(new Credentials.User(Math.toIntExact(uid), login, password));
        }
    }

    /** A builder with the defaults: free port, database {@code odoo}, seed 42, no generated products. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving (once); returns this. */
    public synchronized FakeOdoo start() {
        if (server == null) {
            server = new OdooServer(orm, orm.release(), credentials, faultPlan, database,
                    new InetSocketAddress("127.0.0.1", port), threads, pace);
            server.start();
        }
        return this;
    }

    /** Stops the server and the webhook sender. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
        dispatcher.close();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:43125}. */
    public String url() {
        return running().url().toString();
    }

    /** The port the server listens on. */
    public int port() {
        return running().port();
    }

    private synchronized OdooServer running() {
        if (server == null) {
            throw new IllegalStateException("FakeOdoo is not started; call start() first");
        }
        return server;
    }

    /** The database name clients must use. */
    public String database() {
        return this.database;
    }

    /** A client for {@code admin} over {@code transport} (password for XML-RPC / JSON-RPC, API key otherwise). */
    public OdooClient client(Transport transport) {
        return client(transport, ADMIN);
    }

    /** A client for {@code login} ({@code admin} or {@code demo}) over {@code transport}. */
    public OdooClient client(Transport transport, String login) {
        return OdooClients.create(config(transport, login));
    }

    /** The configuration {@link #client(Transport, String)} uses, to adjust before creating a client. */
    public OdooConfig config(Transport transport, String login) {
        Objects.requireNonNull(transport, "transport == null");
        Credentials.User user = credentials.user(login).orElseThrow(() -> new IllegalArgumentException(
                "no user with login '" + login + "'; use " + ADMIN + " or " + DEMO));
        boolean password = transport == Transport.XMLRPC || transport == Transport.JSONRPC;
        return OdooConfig.builder().url(url()).database(database).login(login)
                .secret(password ? user.password() : credentials.apiKey(login)).transport(transport).build();
    }

    /** A client for the administrator (JSON-2 with an API key, through {@link Transport#AUTO}). */
    public OdooClient adminClient() {
        return client(Transport.AUTO, ADMIN);
    }

    /** A client for the non-admin {@code demo} user. */
    public OdooClient demoClient() {
        return client(Transport.AUTO, DEMO);
    }

    /** The store, for seeding records directly (no access rules, no webhooks). */
    public RecordSink orm() {
        return orm;
    }

    /**
     * What the store holds: every record of {@code model} (archived included) with {@code fields}, ascending by id,
     * in wire form as {@code search_read} answers (many2one as {@code [id, "name"]}, empty as {@code false},
     * datetimes as whole-second {@code "YYYY-MM-DD HH:MM:SS"}). Read in process, past access rules, faults and
     * pacing; not counted as a call.
     *
     * @throws IllegalArgumentException for an unknown model or field
     */
    public List<Map<String, Object>> records(String model, List<String> fields) {
        try {
            return orm.records(Objects.requireNonNull(model, "model == null"), fields);
        } catch (OrmFault e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The number of records of {@code model} in the store (archived ones included). */
    public int count(String model) {
        return orm.count(Objects.requireNonNull(model, "model == null"));
    }

    /** The schema of {@code model} as {@code fields_get} describes it on this server, read in process. */
    public ModelDefinition schema(String model) {
        Objects.requireNonNull(model, "model == null");
        try {
            return ModelDefinition.fromFieldsGet(model, orm.fieldsGet(model));
        } catch (OrmFault e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The mails {@code mail.mail.send} has sent so far, oldest first, each as read just before sending
     * ({@code subject}, {@code email_to}, {@code body_html}, {@code attachment_ids}, {@code auto_delete}, ...).
     */
    public List<Map<String, Object>> sentMails() {
        return orm.sentMails();
    }

    /** What the generator produced when {@link Builder#products(int)} was set. */
    public Optional<RetailDataSummary> data() {
        return Optional.ofNullable(data);
    }

    /** The API key of {@code login}, created on first use (JSON-2 bearer token; also accepted as a password). */
    public String apiKey(String login) {
        return credentials.apiKey(login);
    }

    /** The webhook rules. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    /** The next writing call commits with a {@code write_date} {@code by} in the past, like a long transaction. */
    public void backdateNextCommit(Duration by) {
        orm.backdateNextCommit(by);
    }

    /**
     * Adds a custom field ({@code x_...}) to a model at run time.
     *
     * @param type an Odoo field type: {@code char}, {@code integer}, {@code float}, {@code boolean},
     *             {@code date}, {@code datetime}, {@code many2one:<comodel>}, ...
     */
    public void addField(String model, String field, String type) {
        orm.addField(model, field, type);
    }

    /** Options of a {@link FakeOdoo}. */
    public static final class Builder {
        private int port;
        private String database = "odoo";
        private long seed = 42;
        private int products;
        private WriteDates writeDates = WriteDates.SPREAD;
        private Clock clock = Clock.systemUTC();
        private int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        private Consumer<RecordSink> loader;
        private ServingPace pace = ServingPace.NONE;
        private String version = OdooRelease.DEFAULT.version();
        private final Set<String> addedModules = new TreeSet<>();
        private final Set<String> removedModules = new TreeSet<>();
        private Path schema;

        private Builder() {
        }

        /**
         * The Odoo version to play: {@code "17.0"}, {@code "18.0"} or {@code "19.0"} (the default). The schema is the
         * one recorded on a real server of that version, with the modules installed there (17.0 and 18.0 with
         * {@code product_expiry}, 19.0 without); {@link #modules} and {@link #without} change them.
         */
        public Builder version(String version) {
            this.version = OdooRelease.requireKnown(version);
            return this;
        }

        /** Installs these modules too (e.g. {@code product_expiry} on 19.0). */
        public Builder modules(String... modules) {
            for (String m : modules) {
                Objects.requireNonNull(m, "module == null");
                addedModules.add(m);
                removedModules.remove(m);
            }
            return this;
        }

        /** Leaves these modules out (e.g. {@code product_expiry} on 17.0 and 18.0). */
        public Builder without(String... modules) {
            for (String m : modules) {
                Objects.requireNonNull(m, "module == null");
                removedModules.add(m);
                addedModules.remove(m);
            }
            return this;
        }

        /**
         * Adds the models and fields of a directory of saved {@code fields_get} answers ({@code <model>.json}, as
         * {@code odoo-bridge codegen --save-json} writes them from a real server): custom {@code x_} fields and
         * models FakeOdoo does not serve become readable and writable (without behaviour).
         *
         * @throws IllegalArgumentException at {@link #build()} when the directory is missing or holds malformed JSON
         *                                  or unknown field types
         */
        public Builder schema(Path directory) {
            this.schema = Objects.requireNonNull(directory, "directory == null");
            return this;
        }

        private OdooRelease release() {
            return OdooRelease.of(version).with(addedModules).without(removedModules);
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The database name (default {@code odoo}). */
        public Builder database(String database) {
            this.database = Objects.requireNonNull(database, "database == null");
            return this;
        }

        /** Seed of the data generator, API keys and fault rates (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Generates a retail business with this many products at build time (default 0: users only). */
        public Builder products(int products) {
            if (products < 0) {
                throw new IllegalArgumentException("products must not be negative, got " + products);
            }
            this.products = products;
            return this;
        }

        /**
         * How the generated records' write dates fall into seconds (default {@link WriteDates#SPREAD});
         * {@link WriteDates#bulkImport(int)} gives what a CSV import and mass updates leave on a real Odoo.
         */
        public Builder writeDates(WriteDates writeDates) {
            this.writeDates = Objects.requireNonNull(writeDates, "writeDates == null");
            return this;
        }

        /** The clock for write dates and generated history (default system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** HTTP worker threads (default 4 per core, at least 8). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Serves ORM calls at this pace instead of FakeOdoo's own speed (default {@link ServingPace#NONE}),
         * e.g. {@link ServingPace#odoo19Measured(int)} to benchmark against the speed of a real Odoo.
         */
        public Builder pace(ServingPace pace) {
            this.pace = Objects.requireNonNull(pace, "pace == null");
            return this;
        }

        /** Loads extra records into the store at build time, after the users and generated data. */
        public Builder data(Consumer<RecordSink> loader) {
            this.loader = Objects.requireNonNull(loader, "loader == null");
            return this;
        }

        /** Creates the server with its users and data (not yet listening; call {@link FakeOdoo#start()}). */
        public FakeOdoo build() {
            return new FakeOdoo(this);
        }
    }
}
