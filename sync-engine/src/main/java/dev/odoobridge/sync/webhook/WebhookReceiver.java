package dev.odoobridge.sync.webhook;

import com.sun.net.httpserver.HttpServer;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.internal.InboxRepository;
import dev.odoobridge.sync.webhook.internal.WebhookHttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP receiver for Odoo's "Send Webhook Notification" posts at
 * {@code POST /webhook/<source>/<token>}. A post is answered 202 only after it is committed to
 * the inbox; everything else gets a 4xx with a JSON {@code error} reason and is not stored:
 * 404 unknown source or wrong token (indistinguishable), 405 not POST, 413 too large,
 * 401 bad signature (sources with a signing secret), 400 malformed body, 422 model not synced.
 *
 * <pre>{@code
 * WebhookReceiver receiver = WebhookReceiver.builder(db)
 *         .source(WebhookSource.of("shop1", token))
 *         .models(List.of("product.product", "stock.quant"))
 *         .port(8080)
 *         .build();
 * receiver.start();
 * }</pre>
 */
public final class WebhookReceiver implements AutoCloseable {
    /** The largest accepted body unless {@link Builder#maxBodyBytes} says otherwise: 256 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

    private final Settings config;
    private HttpServer server;
    private ExecutorService executor;

    private record Settings(StateDatabase database, Map<String, WebhookSource> sources, Set<String> models,
                            String bindAddress, int port, int maxBodyBytes, Duration signatureTolerance, int threads,
                            Clock clock) {
    }

    private WebhookReceiver(Settings settings) {
        this.config = settings;
    }

    /** A builder storing accepted posts in this database's inbox. */
    public static Builder builder(StateDatabase database) {
        return new Builder(database);
    }

    /**
     * Binds and starts serving.
     *
     * @throws UncheckedIOException when the address cannot be bound (port taken, bad host)
     * @throws IllegalStateException when already started
     */
    public synchronized WebhookReceiver start() {
        if (server != null) {
            throw new IllegalStateException("The webhook receiver is already started on port " + port());
        }
        enableNoDelay();
        InboxRepository inbox = new InboxRepository(config.database.dataSource());
        WebhookHttpHandler handler = new WebhookHttpHandler(config.sources.values(), config.models, inbox,
                config.maxBodyBytes, config.signatureTolerance, config.clock);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(config.bindAddress, config.port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen for webhooks on " + config.bindAddress + ":"
                    + config.port + " (" + e.getMessage() + "); choose a free port or another address", e);
        }
        AtomicInteger n = new AtomicInteger();
        // the JDK server reads request headers on these threads, so a client that sends them slowly holds
        // one: allow many (idle ones end after a minute) so a few slow or stalled clients cannot starve Odoo's posts
        ThreadPoolExecutor pool = new ThreadPoolExecutor(config.threads, config.threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "webhook-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        executor = pool;
        http.setExecutor(executor);
        http.createContext("/", handler);
        http.start();
        server = http;
        LOG.info("Webhook receiver listening on {}:{} for sources {} and models {}", config.bindAddress, port(),
                config.sources.keySet(), config.models);
        return this;
    }

    /**
     * The JDK server writes the response headers and body separately; without TCP_NODELAY every
     * answer on a kept-alive connection waits for the client's delayed ACK (about 40 ms). The
     * JDK reads this switch once, when its first server starts; an explicit setting is kept.
     */
    private static void enableNoDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The port listened on (the chosen one when configured with 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The webhook receiver is not started");
        }
        return server.getAddress().getPort();
    }

    /** The URL path for a source: {@code /webhook/<source>/<token>} (contains the secret). */
    public String path(String source) {
        WebhookSource s = config.sources.get(source);
        if (s == null) {
            throw new IllegalArgumentException("Unknown source '" + source + "'; configured: " + config.sources.keySet());
        }
        return "/webhook/" + s.name() + "/" + s.token();
    }

    /** Stops accepting posts, letting requests in flight finish for up to one second. Never throws. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(1);
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** Configuration of a {@link WebhookReceiver}. */
    public static final class Builder {
        private final StateDatabase database;
        private final Map<String, WebhookSource> sources = new LinkedHashMap<>();
        private Set<String> models = Set.of();
        private String bindAddress = "127.0.0.1";
        private int port = 0;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration signatureTolerance = Duration.ofMinutes(5);
        private int threads = 128;
        private Clock clock = Clock.systemUTC();

        private Builder(StateDatabase database) {
            this.database = Objects.requireNonNull(database, "database == null");
        }

        /** Adds a source; its name must be unique. */
        public Builder source(WebhookSource source) {
            Objects.requireNonNull(source, "source == null");
            if (sources.putIfAbsent(source.name(), source) != null) {
                throw new IllegalArgumentException("Source '" + source.name() + "' is configured twice");
            }
            return this;
        }

        /** The Odoo models accepted (others get 422). */
        public Builder models(Collection<String> syncedModels) {
            this.models = Set.copyOf(new LinkedHashSet<>(Objects.requireNonNull(syncedModels, "syncedModels == null")));
            return this;
        }

        /** Address to bind, default {@code 127.0.0.1}; {@code 0.0.0.0} for every interface. */
        public Builder bind(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address == null");
            return this;
        }

        /** Port, default 0 (any free port, see {@link WebhookReceiver#port()}). */
        public Builder port(int listenPort) {
            if (listenPort < 0 || listenPort > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + listenPort);
            }
            this.port = listenPort;
            return this;
        }

        /** Largest accepted body, default 256 KiB. */
        public Builder maxBodyBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, was " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** How far a signed post's timestamp may be from now, default 5 minutes. */
        public Builder signatureTolerance(Duration tolerance) {
            Objects.requireNonNull(tolerance, "tolerance == null");
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("signatureTolerance must not be negative, was " + tolerance);
            }
            this.signatureTolerance = tolerance;
            return this;
        }

        /**
         * Most HTTP worker threads, default 128; they are started on demand and end after a minute idle.
         * Each connection sending its request holds one, so this bounds how many slow clients are served
         * at once; on the open internet put a buffering reverse proxy (e.g. nginx) in front.
         */
        public Builder threads(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("threads must be positive, was " + count);
            }
            this.threads = count;
            return this;
        }

        /** Clock for signature timestamps (tests). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock == null");
            return this;
        }

        /** Validates and builds; call {@link WebhookReceiver#start()} to serve. */
        public WebhookReceiver build() {
            if (sources.isEmpty()) {
                throw new IllegalStateException("Configure at least one webhook source");
            }
            if (models.isEmpty()) {
                throw new IllegalStateException("Configure the synced models the receiver accepts");
            }
            return new WebhookReceiver(new Settings(database, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources)), models, bindAddress, port,
                    maxBodyBytes, signatureTolerance, threads, clock));
        }
    }
}
