package dev.odoobridge.access;

import dev.odoobridge.access.internal.Problems;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty handler wrapper that lets a request through only with a valid API key, and hands the
 * key's {@link ApiScope} to the wrapped handler as the request attribute {@link #SCOPE_ATTRIBUTE}
 * (read it with {@link #scope(Request)}).
 *
 * <p>The key comes from {@code Authorization: Bearer <token>} or, when enabled, {@code X-Api-Key}.
 * The source is the first path segment after the configured prefix (for the path in context
 * {@code /api/v1/shop/products} and prefix {@code /api/v1/} it is {@code shop}). Answers, as
 * {@code application/problem+json}:
 * <ul>
 *   <li>401 with {@code WWW-Authenticate: Bearer} when the key is missing, malformed, unknown, wrong or revoked;</li>
 *   <li>403 when the path names another source than the key's;</li>
 *   <li>429 with {@code Retry-After} (seconds) when the key is over its rate.</li>
 * </ul>
 * CORS: a preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method})
 * is answered without a key when the origin is in the server-wide list or listed by an active key
 * of the path's source; an actual request gets {@code Access-Control-Allow-Origin} when its origin
 * is in the server-wide list or in its key's origins.
 */
public final class ApiKeyAuth extends Handler.Wrapper {
    /** Request attribute holding the {@link ApiScope} of an authenticated request. */
    public static final String SCOPE_ATTRIBUTE = "dev.odoobridge.access.scope";
    /** Request attribute holding the {@link ApiKey} of an authenticated request. */
    public static final String KEY_ATTRIBUTE = "dev.odoobridge.access.key";

    /** The most of a refused request's body read and dropped before the answer (4 MiB, the feed's largest push). */
    private static final String ALLOWED_HEADERS = "Authorization, X-Api-Key, Content-Type, If-None-Match";
    private static final String EXPOSED_HEADERS = "ETag, Retry-After, Location";

    private final ApiKeys keys;
    private final RateLimiter limiter;
    private final String prefix;
    private final boolean xApiKey;
    private final Predicate<String> open;
    private final Set<String> origins;

    private ApiKeyAuth(Builder b) {
        super(b.handler);
        this.keys = b.keys;
        this.limiter = b.limiter;
        this.prefix = b.prefix;
        this.xApiKey = b.xApiKey;
        this.open = b.open;
        this.origins = Set.copyOf(b.origins);
    }

    /** A builder over the key store. */
    public static Builder builder(ApiKeys keys) {
        return new Builder(keys);
    }

    /** The scope an authenticated request carries, empty on a request this wrapper did not let through. */
    public static Optional<ApiScope> scope(Request request) {
        return request.getAttribute(SCOPE_ATTRIBUTE) instanceof ApiScope s ? Optional.of(s) : Optional.empty();
    }

    /** The key of an authenticated request. */
    public static Optional<ApiKey> key(Request request) {
        return request.getAttribute(KEY_ATTRIBUTE) instanceof ApiKey k ? Optional.of(k) : Optional.empty();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String rest = rest(Request.getPathInContext(request));
        String pathSource = firstSegment(rest);
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (HttpMethod.OPTIONS.is(request.getMethod()) && origin != null
                && request.getHeaders().contains(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD)) {
            return preflight(response, callback, pathSource, origin);
        }
        if (open.test(rest)) {
            if (origin != null && origins.contains(origin)) {
                allowOrigin(response.getHeaders(), origin);
            }
            return super.handle(request, response, callback);
        }
        Optional<String> token = token(request.getHeaders());
        if (token.isEmpty()) {
            return unauthorized(request, response, callback, origin, "Bearer realm=\"odoo-bridge\"",
                    "An API key is required: send Authorization: Bearer <key>.");
        }
        Optional<ApiKey> found = keys.authenticate(token.get());
        if (found.isEmpty()) {
            return unauthorized(request, response, callback, origin,
                    "Bearer realm=\"odoo-bridge\", error=\"invalid_token\"",
                    "The API key is unknown, malformed or revoked.");
        }
        ApiKey key = found.get();
        boolean originAllowed = origin != null && (origins.contains(origin) || key.corsOrigins().contains(origin));
        if (originAllowed) {
            allowOrigin(response.getHeaders(), origin);
        }
        RateLimiter.Decision d = limiter.tryAcquire(key.id());
        if (!d.allowed()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(d.retryAfterSeconds()));
            RefusedBodies.drain(request, RefusedBodies.DEFAULT_MAX_BYTES);
            Problems.write(response, callback, 429, "Too Many Requests", "This API key is over its rate of "
                    + limiter.limit().permitsPerSecond() + " requests per second; retry after "
                    + d.retryAfterSeconds() + " s.");
            return true;
        }
        if (pathSource != null && !pathSource.equals(key.source())) {
            RefusedBodies.drain(request, RefusedBodies.DEFAULT_MAX_BYTES);
            Problems.write(response, callback, 403, "Forbidden", "This API key is for another source.");
            return true;
        }
        request.setAttribute(SCOPE_ATTRIBUTE, key.scope());
        request.setAttribute(KEY_ATTRIBUTE, key);
        return super.handle(request, response, callback);
    }

    private boolean preflight(Response response, Callback callback, String source, String origin) {
        boolean allowed = origins.contains(origin) || (source != null && keys.originAllowed(source, origin));
        if (!allowed) {
            Problems.write(response, callback, 403, "Forbidden", "This origin may not call the API.");
            return true;
        }
        HttpFields.Mutable h = response.getHeaders();
        allowOrigin(h, origin);
        h.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, POST, OPTIONS");
        h.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
        h.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
        response.setStatus(204);
        callback.succeeded();
        return true;
    }

    private static void allowOrigin(HttpFields.Mutable h, String origin) {
        h.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        h.put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        h.add(HttpHeader.VARY, "Origin");
    }

    private boolean unauthorized(Request request, Response response, Callback callback, String origin, String challenge,
                                 String detail) {
        if (origin != null && origins.contains(origin)) {
            allowOrigin(response.getHeaders(), origin);
        }
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, challenge);
        RefusedBodies.drain(request, RefusedBodies.DEFAULT_MAX_BYTES);
        Problems.write(response, callback, 401, "Unauthorized", detail);
        return true;
    }

    private Optional<String> token(HttpFields headers) {
        String auth = headers.get(HttpHeader.AUTHORIZATION);
        if (auth != null) {
            String a = auth.trim();
            if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String t = a.substring(7).trim();
                return t.isEmpty() ? Optional.empty() : Optional.of(t);
            }
            return Optional.empty();
        }
        if (xApiKey) {
            String k = headers.get("X-Api-Key");
            if (k != null && !k.isBlank()) {
                return Optional.of(k.trim());
            }
        }
        return Optional.empty();
    }

    private String rest(String path) {
        if (path == null) {
            return "";
        }
        if (path.startsWith(prefix)) {
            return path.substring(prefix.length());
        }
        String bare = prefix.substring(0, prefix.length() - 1);
        if (path.equals(bare)) {
            return "";
        }
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String firstSegment(String rest) {
        if (rest.isEmpty()) {
            return null;
        }
        int slash = rest.indexOf('/');
        String s = slash < 0 ? rest : rest.substring(0, slash);
        return s.isEmpty() ? null : s;
    }

    /** Builds an {@link ApiKeyAuth}. */
    public static final class Builder {
        private final ApiKeys keys;
        private RateLimiter limiter = new RateLimiter(RateLimit.DEFAULT);
        private String prefix = "/";
        private boolean xApiKey = true;
        private Predicate<String> open = p -> false;
        private List<String> origins = List.of();
        private Handler handler;

        private Builder(ApiKeys keys) {
            this.keys = Objects.requireNonNull(keys, "keys == null");
        }

        /** The per-key rate limiter (default: {@link RateLimit#DEFAULT}). */
        public Builder rateLimiter(RateLimiter limiter) {
            this.limiter = Objects.requireNonNull(limiter, "limiter == null");
            return this;
        }

        /**
         * The path prefix (in context) before the source segment, e.g. {@code /api/v1/}; default
         * {@code /}. Must start and end with a slash.
         */
        public Builder pathPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix == null");
            if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
                throw new IllegalArgumentException("path prefix must start and end with '/': " + prefix);
            }
            this.prefix = prefix;
            return this;
        }

        /** Whether the {@code X-Api-Key} header is accepted beside {@code Authorization: Bearer} (default true). */
        public Builder acceptXApiKey(boolean accept) {
            this.xApiKey = accept;
            return this;
        }

        /**
         * Paths after the prefix that need no key (e.g. {@code "openapi.json"::equals}); they pass
         * without a scope.
         */
        public Builder openPaths(Predicate<String> open) {
            this.open = Objects.requireNonNull(open, "open == null");
            return this;
        }

        /** Browser origins allowed for every key ({@code scheme://host[:port]}). */
        public Builder corsOrigins(List<String> origins) {
            this.origins = List.copyOf(Objects.requireNonNull(origins, "origins == null"));
            return this;
        }

        /** The handler authenticated requests go to. */
        public Builder handler(Handler handler) {
            this.handler = Objects.requireNonNull(handler, "handler == null");
            return this;
        }

        /** The wrapper. */
        public ApiKeyAuth build() {
            return new ApiKeyAuth(this);
        }
    }
}
