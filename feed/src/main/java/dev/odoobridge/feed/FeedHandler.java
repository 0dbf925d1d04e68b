package dev.odoobridge.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.odoobridge.access.RefusedBodies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link Feed} over HTTP as a Jetty 12 core handler. Routes (relative to where it is mounted, e.g.
 * {@code /sync/}):
 *
 * <ul>
 *   <li>{@code GET <source>/pull?last_pulled_at=<timestamp|null>&tables=a,b&send_created_as_updated=true|false} →
 *       {@code 200 {"changes": {...}, "timestamp": n, "has_more": bool}} (WatermelonDB's shape plus
 *       {@code has_more}; pull again with the returned timestamp while it is true);</li>
 *   <li>{@code POST <source>/push?last_pulled_at=<timestamp>} with WatermelonDB's change set →
 *       {@code 200 {"experimentalRejectedIds": {table: [ids]}, "rejected": {table: {id: {"kind", "message"}}},
 *       "write_checkpoint": n, "written": n}}.</li>
 * </ul>
 *
 * <p>Errors are {@code application/problem+json} with {@code type}, {@code title}, {@code status}, {@code detail} and,
 * where they apply, {@code table}, {@code record}, {@code field}: 400 malformed, 401 no credentials, 403 out of scope,
 * 404 unknown route, 405 wrong method, 409 push to a read-only table, 410 full resync required (type
 * {@code urn:odoo-bridge:feed:full-resync-required}: the client must reset its database and pull from
 * {@code null}), 413 body too large, 503 read model, state database or Odoo unavailable (retry).
 */
public final class FeedHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(FeedHandler.class);
    /** The problem type of {@code 410}: reset the local database and pull with {@code last_pulled_at=null}. */
    public static final String FULL_RESYNC_TYPE = "urn:odoo-bridge:feed:full-resync-required";

    private final Feed feed;
    private final ScopeResolver scopes;
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** Serves the feed to callers whose scope the resolver finds. */
    public FeedHandler(Feed feed, ScopeResolver scopes) {
        this.feed = Objects.requireNonNull(feed, "feed == null");
        this.scopes = Objects.requireNonNull(scopes, "scopes == null");
    }

    /**
     * The feed behind API keys, as {@code odoo-bridge serve} mounts it under {@code /sync/}: {@link
     * dev.odoobridge.access.ApiKeyAuth} answers 401 / 403 (a path naming another source) / 429 with
     * {@code Retry-After}, and the feed reads each key's scope (source, vendor, tables). Mount it in a context
     * (e.g. {@code new ContextHandler(handler, "/sync")}) so that the source is the first path segment.
     */
    public static Handler withApiKeys(Feed feed, dev.odoobridge.access.ApiKeys keys,
                                      dev.odoobridge.access.RateLimiter limiter) {
        return dev.odoobridge.access.ApiKeyAuth.builder(keys).rateLimiter(limiter).pathPrefix("/")
                .handler(new FeedHandler(feed, ScopeResolver.apiKeys())).build();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String[] parts = Arrays.stream(Request.getPathInContext(request).split("/")).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        if (parts.length < 2 || !(parts[parts.length - 1].equals("pull") || parts[parts.length - 1].equals("push"))) {
            return false;
        }
        String source = parts[parts.length - 2];
        String action = parts[parts.length - 1];
        try {
            Optional<FeedScope> scope = scopes.scope(request);
            if (scope.isEmpty()) {
                problem(request, response, callback, 401, "about:blank", "Unauthorized", "an API key is required", null);
                return true;
            }
            if (!scope.get().source().equals(source)) {
                problem(request, response, callback, 403, "about:blank", "Forbidden", "this key is not for source '" + source + "'", null);
                return true;
            }
            Fields query = Request.extractQueryParameters(request);
            if (action.equals("pull")) {
                if (!HttpMethod.GET.is(request.getMethod())) {
                    methodNotAllowed(request, response, callback, "GET");
                    return true;
                }
                PullPage page = feed.pull(scope.get(), pullRequest(query));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("changes", page.changes());
                body.put("timestamp", page.timestamp());
                body.put("has_more", page.hasMore());
                send(response, callback, 200, "application/json", body);
            } else {
                if (!HttpMethod.POST.is(request.getMethod())) {
                    methodNotAllowed(request, response, callback, "POST");
                    return true;
                }
                long last = lastPulledAt(query).orElseThrow(() -> new FeedException(FeedException.Reason.BAD_REQUEST,
                        "a push needs last_pulled_at (the timestamp of the pull before it)", null, null, "last_pulled_at"));
                byte[] bytes = body(request);
                ChangeSet changes = feed.parseChanges(bytes);
                PushResult result = feed.push(scope.get(), last, changes);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("experimentalRejectedIds", result.rejectedIds());
                Map<String, Object> reasons = new LinkedHashMap<>();
                result.rejected().forEach((t, m) -> {
                    Map<String, Object> byId = new LinkedHashMap<>();
                    m.forEach((id, r) -> byId.put(id, Map.of("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT),
                            "message", r.message())));
                    reasons.put(t, byId);
                });
                body.put("rejected", reasons);
                body.put("write_checkpoint", result.writeCheckpoint());
                body.put("written", result.written());
                send(response, callback, 200, "application/json", body);
            }
        } catch (FeedException e) {
            if (e.reason() == FeedException.Reason.UNAVAILABLE) {
                LOG.warn("feed {} of {} failed", action, source, e);
            }
            String type = e.reason() == FeedException.Reason.FULL_RESYNC_REQUIRED ? FULL_RESYNC_TYPE : "about:blank";
            problem(request, response, callback, e.reason().status(), type, title(e.reason()), e.getMessage(), e);
        }
        return true;
    }

    private static PullRequest pullRequest(Fields query) {
        Set<String> tables = new LinkedHashSet<>();
        String t = query.getValue("tables");
        if (t != null && !t.isBlank()) {
            for (String s : t.split(",")) {
                if (!s.isBlank()) {
                    tables.add(s.trim());
                }
            }
        }
        String asUpdated = query.getValue("send_created_as_updated");
        Optional<Boolean> flag = Optional.empty();
        if (asUpdated != null) {
            if (!asUpdated.equals("true") && !asUpdated.equals("false")) {
                throw new FeedException(FeedException.Reason.BAD_REQUEST, "send_created_as_updated must be true or false",
                        null, null, "send_created_as_updated");
            }
            flag = Optional.of(Boolean.parseBoolean(asUpdated));
        }
        return new PullRequest(lastPulledAt(query), tables, flag);
    }

    /** {@code null}, empty, {@code undefined} or {@code 0} mean a first sync (WatermelonDB sends {@code null}). */
    private static OptionalLong lastPulledAt(Fields query) {
        String v = query.getValue("last_pulled_at");
        if (v == null || v.isEmpty() || v.equals("null") || v.equals("undefined") || v.equals("0")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new FeedException(FeedException.Reason.BAD_REQUEST, "last_pulled_at must be a timestamp from a pull "
                    + "or null, got '" + v + "'", null, null, "last_pulled_at");
        }
    }

    private byte[] body(Request request) throws IOException {
        int max = feed.config().maxPushBytes();
        long declared = request.getLength();
        if (declared > max) {
            throw new FeedException(FeedException.Reason.TOO_LARGE, "the change set has " + declared
                    + " bytes, more than the " + max + " allowed; push in smaller batches");
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new FeedException(FeedException.Reason.TOO_LARGE, "the change set is larger than the " + max
                        + " bytes allowed; push in smaller batches");
            }
            return bytes;
        }
    }

    private void methodNotAllowed(Request request, Response response, Callback callback, String allowed)
            throws IOException {
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        problem(request, response, callback, 405, "about:blank", "Method Not Allowed", "use " + allowed, null);
    }

    private void problem(Request request, Response response, Callback callback, int status, String type, String title,
                         String detail, FeedException e) throws IOException {
        // what is left of a refused push is read and dropped (up to the largest push), so that the device, still
        // sending, reads this answer instead of a closed connection
        RefusedBodies.drain(request, feed.config().maxPushBytes());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (e != null) {
            if (e.table() != null) {
                body.put("table", e.table());
            }
            if (e.recordId() != null) {
                body.put("record", e.recordId());
            }
            if (e.field() != null) {
                body.put("field", e.field());
            }
        }
        send(response, callback, status, "application/problem+json", body);
    }

    private void send(Response response, Callback callback, int status, String contentType, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType + "; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private static String title(FeedException.Reason reason) {
        return switch (reason) {
            case BAD_REQUEST -> "Bad Request";
            case OUT_OF_SCOPE -> "Forbidden";
            case TOO_LARGE -> "Content Too Large";
            case READ_ONLY -> "Conflict";
            case FULL_RESYNC_REQUIRED -> "Full resync required";
            case UNAVAILABLE -> "Service Unavailable";
        };
    }

    @Override
    public String toString() {
        return "FeedHandler{" + feed.tables().size() + " tables}";
    }
}
