package dev.odoobridge.testkit.internal.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.odoobridge.testkit.ServingPace;
import dev.odoobridge.testkit.internal.orm.OdooRelease;
import dev.odoobridge.testkit.internal.orm.OrmApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP server (the JDK's {@code com.sun.net.httpserver}) answering the played Odoo release's
 * endpoints over an {@link OrmApi}: {@code /xmlrpc/2/*}, {@code /jsonrpc}, {@code /json/2/*} and
 * {@code GET /web/version}, {@code /json/version}, {@code POST /web/webclient/version_info}, with fault injection
 * in front of all of them.
 */
public final class OdooServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OdooServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Binds the server (not yet serving).
     *
     * @param store the store behind every call
     * @param release the Odoo version and modules played
     * @param credentials users, passwords and API keys
     * @param faults the fault injection plan
     * @param database the one database name this server answers for
     * @param address where to listen (port 0 picks a free port)
     * @param threads worker threads
     * @param pace how fast ORM calls are served ({@link ServingPace#NONE}: as fast as the store answers)
     */
    public OdooServer(OrmApi store, OdooRelease release, Credentials credentials, FaultPlan faults, String database,
                      InetSocketAddress address, int threads, ServingPace pace) {
        Objects.requireNonNull(store, "store == null");
        Objects.requireNonNull(pace, "pace == null");
        Objects.requireNonNull(release, "release == null");
        OrmApi orm = pace.isNone() ? store : new PacedOrm(store, pace);
        Objects.requireNonNull(credentials, "credentials == null");
        Objects.requireNonNull(faults, "faults == null");
        Objects.requireNonNull(database, "database == null");
        Objects.requireNonNull(address, "address == null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        // the JDK server writes headers and body separately: without TCP_NODELAY each answer on a kept-alive
        // connection waits for the client's delayed ACK (about 40 ms); read once, when the first server starts
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            server = HttpServer.create(address, 256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage()
                    + " (choose another port, or 0 for a free one)", e);
        }
        executor = Executors.newFixedThreadPool(threads, daemonThreads());
        server.setExecutor(executor);
        PythonJson json = new PythonJson();
        RpcDispatcher dispatcher = new RpcDispatcher(orm, release, credentials, database);
        FaultFilter filter = new FaultFilter(faults);
        add("/xmlrpc/", new XmlRpcEndpoint(dispatcher), filter);
        JsonRpcEndpoint jsonRpc = new JsonRpcEndpoint(dispatcher, json, release);
        add("/jsonrpc", jsonRpc, filter);
        add("/web/webclient/version_info", jsonRpc, filter);
        add("/json/2", new Json2Endpoint(orm, release, credentials, database, json), filter);
        WebVersionEndpoint version = new WebVersionEndpoint(json, release);
        add("/web/version", version, filter);
        add("/json/version", version, filter);
        add("/", OdooServer::notFound, filter);
    }

    private void add(String path, HttpHandler handler, FaultFilter filter) {
        HttpContext context = server.createContext(path, handler);
        context.getFilters().add(filter);
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpResponses.drain(exchange);
            HttpResponses.send(exchange, 404, HttpResponses.HTML, HttpResponses.NOT_FOUND_PAGE, false);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "fake-odoo-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Starts serving. */
    public void start() {
        server.start();
        LOG.debug("FakeOdoo listening on {}", url());
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:43125}. */
    public URI url() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    /** Stops at once; requests in flight (including held ones) are dropped. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("FakeOdoo worker threads still busy 5 s after stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
