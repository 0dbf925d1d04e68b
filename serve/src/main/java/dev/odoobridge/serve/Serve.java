package dev.odoobridge.serve;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.changes.ChangeLog;
import dev.odoobridge.serve.internal.AdminHandler;
import dev.odoobridge.serve.internal.HealthHandler;
import dev.odoobridge.serve.internal.JettyServers;
import dev.odoobridge.serve.internal.LeaseOwners;
import dev.odoobridge.serve.internal.Readiness;
import dev.odoobridge.serve.internal.Routes;
import dev.odoobridge.serve.internal.SyncRuns;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.WebhookInbox;
import dev.odoobridge.sync.webhook.WebhookIntake;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-running process on one Jetty port: the webhook receiver ({@code /webhook/<source>/<token>})
 * and the inbox processor, a scheduler running the sync engine ({@link Schedule}), health
 * ({@code /health/live}, {@code /health/ready}), an admin API under {@code /admin/} behind a bearer
 * token, and any handler mounted by path prefix ({@code /metrics}, {@code /sync/}, {@code /api/v1/}).
 * Unknown paths get a 404 problem.
 *
 * <p>Several processes may share one PostgreSQL and MongoDB: give each engine a unique lease owner
 * ({@link #newLeaseOwner()}); a scheduled run finding a (source, model) leased by another process skips
 * it quietly, and inbox events are claimed with {@code FOR UPDATE SKIP LOCKED}.
 *
 * <p>{@link #close()} stops gracefully: no new connections, requests in flight finish, the sync run
 * ends after the page it is applying (its checkpoint stored), the processor finishes its batch, and
 * events not yet claimed stay pending in the inbox; all within {@link Builder#stopTimeout} (25 s by default).
 *
 * <pre>{@code
 * Serve serve = Serve.builder(stateDatabase)
 *         .syncEngine(engine)                       // built with .lease(Serve.newLeaseOwner(), ttl)
 *         .webhooks(intake).processor(processor)
 *         .schedule(Schedule.defaults())
 *         .odooSources(clients).readModel(readModel)
 *         .adminToken(token)
 *         .mount("/metrics", metricsHandler)
 *         .port(8088)
 *         .build().start();
 * }</pre>
 */
public final class Serve implements AutoCloseable {
    /** The shortest admin token accepted. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 24;

    private static final Logger LOG = LoggerFactory.getLogger(Serve.class);
    private static final Pattern PREFIX = Pattern.compile("/[A-Za-z0-9._~/-]*");
    private static final List<String> RESERVED = List.of("/webhook", "/health", "/admin");

    private final Builder b;
    private final SyncRuns runs;
    private final Readiness readiness;
    private Server server;
    private boolean closed;

    private Serve(Builder b) {
        this.b = b;
        this.runs = b.engine == null ? null : new SyncRuns(b.engine, b.schedule, b.clock, b.changes);
        this.readiness = new Readiness(b.probes, b.probeTimeout);
    }

    /** A builder over the state database (inbox, checkpoints, run history). */
    public static Builder builder(StateDatabase database) {
        return new Builder(database);
    }

    /** A lease owner id unique to this process and call: host, pid and a random suffix. */
    public static String newLeaseOwner() {
        return LeaseOwners.unique("serve");
    }

    /**
     * Starts the processor, the HTTP server and the schedule.
     *
     * @throws UncheckedIOException when the address cannot be bound
     * @throws IllegalStateException when already started
     */
    public synchronized Serve start() {
        if (server != null || closed) {
            throw new IllegalStateException("serve is already " + (closed ? "closed" : "started"));
        }
        List<Handler> fixed = new ArrayList<>();
        if (b.intake != null) {
            fixed.add(new WebhookHandler(b.intake));
        }
        fixed.add(new HealthHandler(readiness));
        if (b.adminToken != null) {
            fixed.add(new AdminHandler(b.adminToken, b.database.stateStore(), WebhookInbox.of(b.database), runs,
                    b.leaseOwner, b.clock));
        }
        List<Routes.Mount> mounts = new ArrayList<>();
        b.mounts.forEach((prefix, handler) -> mounts.add(new Routes.Mount(prefix, handler)));
        if (b.processor != null) {
            b.processor.start();
        }
        try {
            server = JettyServers.start(new JettyServers.Settings(b.bind, b.port, b.threads, b.idleTimeout,
                    b.stopTimeout.dividedBy(2), "serve-http", b.forwardedHeaders), new Routes(fixed, mounts));
        } catch (RuntimeException e) {
            if (b.processor != null) {
                b.processor.close();
            }
            throw e;
        }
        if (runs != null) {
            runs.start();
        }
        LOG.info("serve listening on {}:{} (webhooks: {}, admin API: {}, mounts: {})", b.bind, port(),
                b.intake == null ? "off" : b.intake.sources().keySet(), b.adminToken == null ? "off" : "on",
                b.mounts.keySet());
        return this;
    }

    /** The port listened on (the chosen one when configured with 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("serve is not started");
        }
        return JettyServers.port(server);
    }

    /** The paths served, for a startup banner: webhook paths with their tokens masked, and the mounts. */
    public List<String> describeRoutes() {
        List<String> out = new ArrayList<>();
        if (b.intake != null) {
            b.intake.sources().values().forEach(s -> out.add(WebhookIntake.PATH_PREFIX + s.name() + "/" + mask(s.token())));
        }
        out.add("/health/live");
        out.add("/health/ready");
        if (b.adminToken != null) {
            out.add("/admin/");
        }
        out.addAll(b.mounts.keySet());
        return out;
    }

    /** This process's recent sync runs, scheduled and triggered, newest first (empty without a sync engine). */
    public List<SyncRun> recentRuns() {
        return runs == null ? List.of() : runs.recent();
    }

    /** Queues a sync run as {@code POST /admin/sync} does. */
    public SyncRun trigger(dev.odoobridge.sync.SyncRequest request) {
        if (runs == null) {
            throw new IllegalStateException("this serve has no sync engine");
        }
        return runs.trigger(request, false, "admin");
    }

    /**
     * Stops gracefully within the stop timeout (see the class comment). Never throws; safe to call
     * twice and from a shutdown hook.
     */
    @Override
    public void close() {
        Server s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = server;
            server = null;
        }
        long started = System.nanoTime();
        Duration budget = b.stopTimeout;
        CompletableFuture<Boolean> sync = runs == null ? CompletableFuture.completedFuture(true)
                : CompletableFuture.supplyAsync(() -> runs.stop(budget.minusSeconds(1)), daemonExecutor("serve-stop-sync"));
        CompletableFuture<Void> inbox = b.processor == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(b.processor::close, daemonExecutor("serve-stop-inbox"));
        if (s != null) {
            JettyServers.stopQuietly(s);
        }
        try {
            long left = budget.toNanos() - (System.nanoTime() - started);
            CompletableFuture.allOf(sync, inbox).get(Math.max(1, left), TimeUnit.NANOSECONDS);
            if (!sync.get()) {
                LOG.warn("the sync run did not end within {} s; its checkpoint keeps what was applied", budget.toSeconds());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("serve did not stop within {} s: sync {} , inbox processor {}", budget.toSeconds(),
                    sync.isDone() ? "stopped" : "still running", inbox.isDone() ? "stopped" : "still running");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("stopping serve failed: {}", e.getCause().toString());
        }
        readiness.close();
        LOG.info("serve stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static java.util.concurrent.Executor daemonExecutor(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        };
    }

    static String mask(String token) {
        return token.length() <= 8 ? "****" : token.substring(0, 4) + "****" + token.substring(token.length() - 2);
    }

    /** Configuration of a {@link Serve}. */
    public static final class Builder {
        private final StateDatabase database;
        private SyncEngine engine;
        private WebhookIntake intake;
        private WebhookProcessor processor;
        private Schedule schedule = Schedule.defaults();
        private String adminToken;
        private final Map<String, ReadinessProbe> probes = new LinkedHashMap<>();
        private final Map<String, Handler> mounts = new LinkedHashMap<>();
        private String bind = "127.0.0.1";
        private int port = 0;
        private int threads = 64;
        private boolean forwardedHeaders;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration stopTimeout = Duration.ofSeconds(25);
        private Duration probeTimeout = Duration.ofSeconds(3);
        private String leaseOwner = "";
        private Clock clock = Clock.systemUTC();
        private ChangeLog changes;

        private Builder(StateDatabase database) {
            this.database = Objects.requireNonNull(database, "database == null");
            probes.put("postgresql", () -> {
                try (Connection c = database.dataSource().getConnection()) {
                    if (!c.isValid(2)) {
                        throw new IllegalStateException("the connection is not valid");
                    }
                }
            });
        }

        /**
         * The sync engine the schedule and {@code POST /admin/sync} run; build it with
         * {@code .lease(Serve.newLeaseOwner(), ttl)}. Without one, nothing is synced on schedule.
         */
        public Builder syncEngine(SyncEngine syncEngine) {
            this.engine = Objects.requireNonNull(syncEngine, "syncEngine == null");
            return this;
        }

        /** The lease owner id of the engine, shown by {@code /admin/status}. */
        public Builder leaseOwner(String owner) {
            this.leaseOwner = Objects.requireNonNull(owner, "owner == null");
            return this;
        }

        /** Receive webhook posts at {@code /webhook/<source>/<token>} through this intake. */
        public Builder webhooks(WebhookIntake webhookIntake) {
            this.intake = Objects.requireNonNull(webhookIntake, "webhookIntake == null");
            return this;
        }

        /** The inbox processor, started with the process and stopped (after its batch) with it. */
        public Builder processor(WebhookProcessor webhookProcessor) {
            this.processor = Objects.requireNonNull(webhookProcessor, "webhookProcessor == null");
            return this;
        }

        /** When to sync; default {@link Schedule#defaults()}. */
        public Builder schedule(Schedule syncSchedule) {
            this.schedule = Objects.requireNonNull(syncSchedule, "syncSchedule == null");
            return this;
        }

        /** Turns the admin API on, behind this bearer token (at least 24 characters). */
        public Builder adminToken(String token) {
            Objects.requireNonNull(token, "token == null");
            if (token.length() < MIN_ADMIN_TOKEN_LENGTH || token.isBlank()) {
                throw new IllegalArgumentException("the admin token must be at least " + MIN_ADMIN_TOKEN_LENGTH
                        + " characters; use a random one");
            }
            this.adminToken = token;
            return this;
        }

        /** Adds a readiness check named {@code name} (PostgreSQL is always checked, as {@code postgresql}). */
        public Builder readiness(String name, ReadinessProbe probe) {
            Objects.requireNonNull(name, "name == null");
            probes.put(name, Objects.requireNonNull(probe, "probe == null"));
            return this;
        }

        /** Checks each Odoo source for readiness (its server version), as {@code odoo:<source>}. */
        public Builder odooSources(Map<String, OdooClient> clients) {
            Objects.requireNonNull(clients, "clients == null").forEach((name, client) -> readiness("odoo:" + name,
                    client::version));
            return this;
        }

        /**
         * Checks the read model's MongoDB for readiness, as {@code mongodb}, and purges its change log's tombstones
         * past their horizon after each reconcile run.
         */
        public Builder readModel(ReadModel readModel) {
            Objects.requireNonNull(readModel, "readModel == null");
            try {
                this.changes = readModel.changes();
            } catch (UnsupportedOperationException e) {
                this.changes = null; // a read model without a change log (a test double)
            }
            String model = readModel.projections().stream().map(Projection::model).findFirst().orElse("res.partner");
            return readiness("mongodb", () -> readModel.projector().count("_health", model, 0, 1));
        }

        /**
         * Serves {@code prefix} and everything under it with {@code handler} (it sees the full path), e.g.
         * {@code mount("/metrics", prometheus)}, {@code mount("/sync/", feed)}, {@code mount("/api/v1/", api)}.
         * {@code /webhook}, {@code /health} and {@code /admin} are taken; the longest prefix wins.
         */
        public Builder mount(String prefix, Handler handler) {
            Objects.requireNonNull(prefix, "prefix == null");
            Objects.requireNonNull(handler, "handler == null");
            if (!PREFIX.matcher(prefix).matches() || prefix.equals("/")) {
                throw new IllegalArgumentException("a mount prefix is a path like /metrics or /api/v1/, was '" + prefix + "'");
            }
            String bare = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            for (String r : RESERVED) {
                if (bare.equals(r) || bare.startsWith(r + "/")) {
                    throw new IllegalArgumentException("'" + prefix + "' is served by serve itself; mount elsewhere");
                }
            }
            if (mounts.keySet().stream().anyMatch(p -> p.replaceAll("/$", "").equals(bare))) {
                throw new IllegalArgumentException("'" + prefix + "' is mounted twice");
            }
            mounts.put(prefix, handler);
            return this;
        }

        /** Address to bind, default {@code 127.0.0.1}; {@code 0.0.0.0} for every interface. */
        public Builder bind(String address) {
            this.bind = Objects.requireNonNull(address, "address == null");
            return this;
        }

        /**
         * Whether to take the request's scheme, host and client address from {@code Forwarded} / {@code X-Forwarded-*}
         * headers (default false): turn on behind a reverse proxy that terminates TLS and is the only way in, so the
         * portal's origin check, its OIDC redirect and per-client rate limits see what the browser sees.
         */
        public Builder forwardedHeaders(boolean trust) {
            this.forwardedHeaders = trust;
            return this;
        }

        /** Port, default 0 (any free port, see {@link Serve#port()}). */
        public Builder port(int listenPort) {
            if (listenPort < 0 || listenPort > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + listenPort);
            }
            this.port = listenPort;
            return this;
        }

        /** Most HTTP worker threads, default 64. */
        public Builder threads(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("threads must be positive, was " + count);
            }
            this.threads = count;
            return this;
        }

        /** How long a connection may stay silent before it is closed, default 30 s. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = WebhookServer.Builder.positive(timeout, "idleTimeout");
            return this;
        }

        /** The whole budget of {@link Serve#close()}, default 25 s (within Kubernetes' default 30 s grace). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = WebhookServer.Builder.positive(timeout, "stopTimeout");
            if (timeout.toMillis() < 2000) {
                throw new IllegalArgumentException("stopTimeout must be at least 2 s, was " + timeout);
            }
            return this;
        }

        /** How long each readiness probe may take before it counts as failed, default 3 s. */
        public Builder probeTimeout(Duration timeout) {
            this.probeTimeout = WebhookServer.Builder.positive(timeout, "probeTimeout");
            return this;
        }

        /** Time source for the schedule and the admin API (tests). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock == null");
            return this;
        }

        /** Validates and builds; call {@link Serve#start()} to serve. */
        public Serve build() {
            return new Serve(this);
        }
    }
}
