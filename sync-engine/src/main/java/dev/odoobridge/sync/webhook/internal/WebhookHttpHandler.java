package dev.odoobridge.sync.webhook.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.odoobridge.sync.webhook.WebhookSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@code POST /webhook/<source>/<token>}. Checks in this order, answering with the first
 * failure and storing nothing: path and token (404, the same answer whichever part is wrong),
 * method (405), size (413), signature when the source has a signing secret (401), body (400),
 * model (422). An accepted post is committed to the inbox before the 202 answer.
 */
public final class WebhookHttpHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookHttpHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/webhook/";

    private final Map<String, Source> sources = new HashMap<>();
    private final byte[] decoy;
    private final PayloadParser parser;
    private final InboxRepository inbox;
    private final int maxBodyBytes;
    private final Clock clock;

    private record Source(WebhookSource config, byte[] tokenHash, Signatures signatures) {
    }

    /** For these sources and synced models. */
    public WebhookHttpHandler(Iterable<WebhookSource> sources, Set<String> models, InboxRepository inbox,
                              int maxBodyBytes, Duration signatureTolerance, Clock clock) {
        for (WebhookSource s : sources) {
            Signatures sig = s.signingSecret() == null ? null : new Signatures(s.signingSecret(), signatureTolerance);
            this.sources.put(s.name(), new Source(s, sha256(s.token().getBytes(StandardCharsets.UTF_8)), sig));
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.decoy = sha256(random);
        this.parser = new PayloadParser(models);
        this.inbox = inbox;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            try {
                Source source = authenticate(exchange.getRequestURI().getRawPath());
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    throw new Rejection(405, "only POST is accepted");
                }
                byte[] body = readBody(exchange);
                if (source.signatures() != null) {
                    var h = exchange.getRequestHeaders();
                    String why = source.signatures().check(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                            h.getFirst("webhook-signature"), body, clock.instant());
                    if (why != null) {
                        throw new Rejection(401, "signature rejected: " + why);
                    }
                }
                ParsedPost post = parser.parse(body);
                long id = store(source.config().name(), post);
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("status", "accepted");
                answer.put("event", id);
                respond(exchange, 202, answer);
            } catch (Rejection r) {
                respond(exchange, r.status(), Map.of("error", r.getMessage()));
            }
        } finally {
            exchange.close();
        }
    }

    private Source authenticate(String rawPath) throws Rejection {
        Rejection notFound = new Rejection(404, "not found");
        if (rawPath == null || !rawPath.startsWith(PREFIX)) {
            throw notFound;
        }
        String rest = rawPath.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || rest.indexOf('/', slash + 1) >= 0) {
            throw notFound;
        }
        Source source = sources.get(rest.substring(0, slash));
        byte[] given = sha256(rest.substring(slash + 1).getBytes(StandardCharsets.UTF_8));
        boolean match = MessageDigest.isEqual(given, source == null ? decoy : source.tokenHash());
        if (source == null || !match) {
            throw notFound;
        }
        return source;
    }

    private byte[] readBody(HttpExchange exchange) throws Rejection, IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new Rejection(400, "Content-Length is not a number");
            }
            if (declared > maxBodyBytes) {
                throw tooLarge(exchange);
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge(exchange);
            }
            return body;
        }
    }

    private Rejection tooLarge(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Connection", "close");
        return new Rejection(413, "body larger than " + maxBodyBytes + " bytes");
    }

    private long store(String source, ParsedPost post) throws Rejection {
        try {
            return inbox.insert(source, post);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                throw new Rejection(400, "payload cannot be stored: " + e.getMessage());
            }
            LOG.error("Could not store a webhook post for source {} model {} id {}: {}", source, post.model(),
                    post.recordId(), e.getMessage(), e);
            throw new Rejection(503, "the inbox is unavailable; retry later");
        } catch (RuntimeException e) {
            LOG.error("Could not store a webhook post for source {} model {} id {}", source, post.model(),
                    post.recordId(), e);
            throw new Rejection(503, "the inbox is unavailable; retry later");
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
