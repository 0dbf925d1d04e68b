package dev.odoobridge.serve.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds and starts the Jetty servers of this module: one HTTP/1.1 connector with TCP_NODELAY on
 * accepted sockets (an answer never waits for the client's delayed ACK behind Nagle's algorithm;
 * Jetty's own setting, nothing JVM-wide), an idle timeout that drops connections whose headers never
 * finish (headers are read by the selector, not by a worker thread, so slow clients hold no thread),
 * no {@code Server} header, and a {@link GracefulHandler} so a stop lets requests in flight finish.
 */
public final class JettyServers {
    private JettyServers() {
    }

    /** Nodes of a connection's header field cache (see {@link #start}). */
    static final int HEADER_CACHE_NODES = 256;

    /** Settings of one server. */
    public record Settings(String bind, int port, int maxThreads, Duration idleTimeout, Duration stopTimeout,
                           String threadName, boolean forwardedHeaders) {
        /** Settings that ignore {@code Forwarded} / {@code X-Forwarded-*} headers. */
        public Settings(String bind, int port, int maxThreads, Duration idleTimeout, Duration stopTimeout, String threadName) {
            this(bind, port, maxThreads, idleTimeout, stopTimeout, threadName, false);
        }
    }

    /**
     * Starts a server on {@code handler}.
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static Server start(Settings s, Handler handler) {
        QueuedThreadPool pool = new QueuedThreadPool(Math.max(8, s.maxThreads()), Math.min(2, s.maxThreads()));
        pool.setName(s.threadName());
        pool.setDaemon(true);
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        // a connection's cache of the header fields it has seen, in trie nodes: Jetty's 1,024 costs each keep-alive
        // connection about 100 KB (48 chars a node); an API client's repeated fields (host, accept, encoding, agent)
        // fit in a quarter of that, and a field that does not fit is only not cached
        http.setHeaderCacheSize(HEADER_CACHE_NODES);
        if (s.forwardedHeaders()) {
            // behind a proxy that terminates TLS: the request's scheme, host and client address are the proxy's
            // Forwarded / X-Forwarded-* headers (only safe when nothing but the proxy can reach this port)
            http.addCustomizer(new org.eclipse.jetty.server.ForwardedRequestCustomizer());
        }
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(s.bind());
        connector.setPort(s.port());
        connector.setAcceptedTcpNoDelay(true);
        connector.setIdleTimeout(s.idleTimeout().toMillis());
        connector.setReuseAddress(true);
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(handler));
        server.setStopTimeout(s.stopTimeout().toMillis());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw new UncheckedIOException("Could not listen on " + s.bind() + ":" + s.port() + " (" + e.getMessage()
                    + "); choose a free port or another address", e);
        } catch (Exception e) {
            stopQuietly(server);
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("Could not listen on " + s.bind() + ":" + s.port() + " ("
                        + io.getMessage() + "); choose a free port or another address", io);
            }
            throw new IllegalStateException("The HTTP server did not start: " + e.getMessage(), e);
        }
        return server;
    }

    /** The port the server's connector listens on. */
    public static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Stops gracefully (requests in flight finish within the stop timeout). Never throws. */
    public static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping after a failed start or a timed-out graceful stop: nothing more to do
        }
    }
}
