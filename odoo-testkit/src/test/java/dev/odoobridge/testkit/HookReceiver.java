package dev.odoobridge.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A local webhook receiver that records every POST. */
final class HookReceiver implements AutoCloseable {
    record Post(String path, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Post> posts = new LinkedBlockingQueue<>();

    HookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                posts.add(new Post(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code n} posts, waiting up to 10 s for them. */
    List<Post> take(int n) throws InterruptedException {
        List<Post> out = new ArrayList<>();
        while (out.size() < n) {
            Post p = posts.poll(10, TimeUnit.SECONDS);
            if (p == null) {
                throw new AssertionError("expected " + n + " webhook posts, got " + out.size() + ": " + out);
            }
            out.add(p);
        }
        return out;
    }

    /** Posts that arrived without waiting. */
    List<Post> drain() {
        List<Post> out = new ArrayList<>();
        posts.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static Duration wait10s() {
        return Duration.ofSeconds(10);
    }
}
