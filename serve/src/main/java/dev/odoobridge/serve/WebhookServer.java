package dev.odoobridge.serve;

import dev.odoobridge.serve.internal.HttpAnswers;
import dev.odoobridge.serve.internal.JettyServers;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.WebhookIntake;
import dev.odoobridge.sync.webhook.WebhookSource;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook side alone, on its own Jetty server: Odoo's "Send Webhook Notification" posts at
 * {@code POST /webhook/<source>/<token>}, answered 202 only after they are committed to the inbox
 * (see {@link WebhookIntake} for every refusal). Every other path gets a 404. Use {@link Serve} for
 * the whole process (processor, scheduler, health, admin) on one port.
 *
 * <pre>{@code
 * WebhookServer server = WebhookServer.builder(db)
 *         .source(WebhookSource.of("shop1", token))
 *         .models(List.of("product.product", "stock.quant"))
 *         .port(8080)
 *         .build();
 * server.start();
 * }</pre>
 */
public final class WebhookServer implements AutoCloseable {
    /** The largest accepted body unless {@link Builder#maxBodyBytes} says otherwise: 256 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = WebhookIntake.DEFAULT_MAX_BODY_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

    private final WebhookIntake intake;
    private final JettyServers.Settings settings;
    private Server server;

    private WebhookServer(WebhookIntake intake, JettyServers.Settings settings) {
        this.intake = intake;
        this.settings = settings;
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
    public synchronized WebhookServer start() {
        if (server != null) {
            throw new IllegalStateException("The webhook server is already started on port " + port());
        }
        WebhookHandler webhooks = new WebhookHandler(intake);
        server = JettyServers.start(settings, new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (!webhooks.handle(request, response, callback)) {
                    HttpAnswers.write(response, callback, 404, "application/json",
                            intake.notFound().body());
                }
                return true;
            }
        });
        LOG.info("Webhook receiver listening on {}:{} for sources {} and models {}", settings.bind(), port(),
                intake.sources().keySet(), intake.models());
        return this;
    }

    /** The port listened on (the chosen one when configured with 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The webhook server is not started");
        }
        return JettyServers.port(server);
    }

    /** The URL path for a source: {@code /webhook/<source>/<token>} (contains the secret). */
    public String path(String source) {
        return intake.path(source);
    }

    /** The intake answering the posts. */
    public WebhookIntake intake() {
        return intake;
    }

    /** Stops accepting posts, letting requests in flight finish within the stop timeout. Never throws. */
    @Override
    public synchronized void close() {
        if (server != null) {
            JettyServers.stopQuietly(server);
            server = null;
        }
    }

    /** Configuration of a {@link WebhookServer}. */
    public static final class Builder {
        private final WebhookIntake.Builder intake;
        private String bindAddress = "127.0.0.1";
        private int port = 0;
        private int threads = 64;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration stopTimeout = Duration.ofSeconds(5);

        private Builder(StateDatabase database) {
            this.intake = WebhookIntake.builder(Objects.requireNonNull(database, "database == null"));
        }

        /** Adds a source; its name must be unique. */
        public Builder source(WebhookSource source) {
            intake.source(source);
            return this;
        }

        /** The Odoo models accepted (others get 422). */
        public Builder models(Collection<String> syncedModels) {
            intake.models(syncedModels);
            return this;
        }

        /** Address to bind, default {@code 127.0.0.1}; {@code 0.0.0.0} for every interface. */
        public Builder bind(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address == null");
            return this;
        }

        /** Port, default 0 (any free port, see {@link WebhookServer#port()}). */
        public Builder port(int listenPort) {
            if (listenPort < 0 || listenPort > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + listenPort);
            }
            this.port = listenPort;
            return this;
        }

        /** Largest accepted body, default 256 KiB. */
        public Builder maxBodyBytes(int bytes) {
            intake.maxBodyBytes(bytes);
            return this;
        }

        /** How far a signed post's timestamp may be from now, default 5 minutes. */
        public Builder signatureTolerance(Duration tolerance) {
            intake.signatureTolerance(tolerance);
            return this;
        }

        /**
         * Most HTTP worker threads, default 64. Headers are read without a thread, so slow clients do
         * not hold one; a thread is held while a post is checked and stored.
         */
        public Builder threads(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("threads must be positive, was " + count);
            }
            this.threads = count;
            return this;
        }

        /** How long a connection may stay silent (e.g. headers never finished) before it is closed, default 30 s. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /** How long {@link WebhookServer#close()} lets requests in flight finish, default 5 s. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = positive(timeout, "stopTimeout");
            return this;
        }

        /** Clock for signature timestamps (tests). */
        public Builder clock(Clock c) {
            intake.clock(c);
            return this;
        }

        /** Validates and builds; call {@link WebhookServer#start()} to serve. */
        public WebhookServer build() {
            return new WebhookServer(intake.build(),
                    new JettyServers.Settings(bindAddress, port, threads, idleTimeout, stopTimeout, "webhook-http"));
        }

        static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name + " == null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
