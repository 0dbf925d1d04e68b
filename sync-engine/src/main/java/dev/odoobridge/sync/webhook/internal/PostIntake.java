package dev.odoobridge.sync.webhook.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.sync.webhook.WebhookAnswer;
import dev.odoobridge.sync.webhook.WebhookPost;
import dev.odoobridge.sync.webhook.WebhookSource;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Checks a post in this order, answering with the first failure and storing nothing: source and
 * token (404, the same answer whichever part is wrong, compared in constant time), method (405),
 * size (413), signature when the source has a signing secret (401), body (400), model (422). An
 * accepted post is committed to the inbox before the 202 answer; concurrent posts share a commit
 * ({@link GroupCommit}).
 */
public final class PostIntake {
    private static final Logger LOG = LoggerFactory.getLogger(PostIntake.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Source> sources = new HashMap<>();
    private final byte[] decoy;
    private final PayloadParser parser;
    private final GroupCommit inbox;
    private final int maxBodyBytes;
    private final Clock clock;

    private record Source(WebhookSource config, byte[] tokenHash, Signatures signatures) {
    }

    /** For these sources and synced models. */
    public PostIntake(Iterable<WebhookSource> sources, Set<String> models, InboxRepository inbox,
                      int maxBodyBytes, Duration signatureTolerance, Clock clock) {
        for (WebhookSource s : sources) {
            Signatures sig = s.signingSecret() == null ? null : new Signatures(s.signingSecret(), signatureTolerance);
            this.sources.put(s.name(), new Source(s, sha256(s.token().getBytes(StandardCharsets.UTF_8)), sig));
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.decoy = sha256(random);
        this.parser = new PayloadParser(models);
        this.inbox = new GroupCommit(inbox);
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    /** Checks and stores one post; the body is read only once source, token and method are accepted. */
    public WebhookAnswer receive(WebhookPost post) {
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            Source source = authenticate(post.source(), post.token());
            if (!"POST".equals(post.method())) {
                headers.put("Allow", "POST");
                throw new Rejection(405, "only POST is accepted");
            }
            byte[] body = readBody(post, headers);
            if (source.signatures() != null) {
                String why = source.signatures().check(post.headers().apply("webhook-id"),
                        post.headers().apply("webhook-timestamp"), post.headers().apply("webhook-signature"), body,
                        clock.instant());
                if (why != null) {
                    throw new Rejection(401, "signature rejected: " + why);
                }
            }
            ParsedPost parsed = parser.parse(body);
            long id = store(source.config().name(), parsed);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", "accepted");
            answer.put("event", id);
            return answer(202, headers, answer);
        } catch (Rejection r) {
            return answer(r.status(), headers, Map.of("error", r.getMessage()));
        }
    }

    /** The answer to a path that is not {@code /webhook/<source>/<token>}: the same 404 as a wrong token. */
    public static WebhookAnswer notFound() {
        return answer(404, Map.of(), Map.of("error", "not found"));
    }

    private Source authenticate(String name, String token) throws Rejection {
        Rejection notFound = new Rejection(404, "not found");
        if (name == null || token == null || name.isEmpty() || token.isEmpty()) {
            throw notFound;
        }
        Source source = sources.get(name);
        byte[] given = sha256(token.getBytes(StandardCharsets.UTF_8));
        boolean match = MessageDigest.isEqual(given, source == null ? decoy : source.tokenHash());
        if (source == null || !match) {
            throw notFound;
        }
        return source;
    }

    private byte[] readBody(WebhookPost post, Map<String, String> headers) throws Rejection {
        if (post.lengthMalformed()) {
            throw new Rejection(400, "Content-Length is not a number");
        }
        if (post.declaredLength().isPresent() && post.declaredLength().getAsLong() > maxBodyBytes) {
            throw tooLarge(headers);
        }
        byte[] body;
        try {
            body = post.body().read(maxBodyBytes);
        } catch (IOException e) {
            throw new Rejection(400, "body could not be read: " + e.getMessage());
        }
        if (body.length > maxBodyBytes) {
            throw tooLarge(headers);
        }
        return body;
    }

    private Rejection tooLarge(Map<String, String> headers) {
        headers.put("Connection", "close");
        return new Rejection(413, "body larger than " + maxBodyBytes + " bytes");
    }

    private long store(String source, ParsedPost post) throws Rejection {
        try {
            return inbox.insert(source, post);
        } catch (GroupCommit.Busy e) {
            LOG.warn("Refused a webhook post for source {} model {} id {} with 503: {}", source, post.model(),
                    post.recordId(), e.getMessage());
            throw new Rejection(503, "the inbox is busy; retry later");
        } catch (SQLException e) {
            if (GroupCommit.dataError(e)) {
                throw new Rejection(400, "payload cannot be stored: " + GroupCommit.dataErrorMessage(e));
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

    private static WebhookAnswer answer(int status, Map<String, String> headers, Map<String, Object> body) {
        try {
            return new WebhookAnswer(status, headers, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
