package dev.odoobridge.api.internal;

import dev.odoobridge.access.ApiKeyAuth;
import dev.odoobridge.access.ApiScope;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code <prefix><source>/<route>} to the route table, behind {@link ApiKeyAuth} (which has
 * checked the key and the source). Answers JSON with a strong {@code ETag} (a hash of the body) and
 * {@code 304} on a matching {@code If-None-Match}; errors as {@code application/problem+json}.
 */
public final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Set<String> COMMON = Set.of("fields");

    private final String prefix;
    private final List<Route> routes;
    private final byte[] openApi;
    private final byte[] html;

    ApiHandler(String prefix, List<Route> routes) {
        this.prefix = prefix;
        this.routes = routes;
        this.openApi = Json.bytes(OpenApiDocument.of(routes, prefix.substring(0, prefix.length() - 1)));
        this.html = OpenApiDocument.html(routes).getBytes(StandardCharsets.UTF_8);
    }

    List<String> templates() {
        return routes.stream().map(Route::template).toList();
    }

    /** Whether a path after the prefix is served without a key (the documentation). */
    public static boolean isOpen(String rest) {
        return rest.isEmpty() || rest.equals("openapi.json") || rest.equals("docs");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, OPTIONS");
                throw new ApiError(405, "Method Not Allowed", "the read API only answers GET and HEAD");
            }
            String path = Request.getPathInContext(request);
            String rest = path.startsWith(prefix) ? path.substring(prefix.length())
                    : path.equals(prefix.substring(0, prefix.length() - 1)) ? "" : null;
            if (rest == null) {
                return false;
            }
            if (rest.equals("openapi.json")) {
                send(request, response, callback, openApi, "application/json", "public, max-age=300");
                return true;
            }
            if (rest.isEmpty() || rest.equals("docs")) {
                response.getHeaders().put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
                send(request, response, callback, html, "text/html; charset=utf-8", "public, max-age=300");
                return true;
            }
            ApiScope scope = ApiKeyAuth.scope(request).orElseThrow(() -> new ApiError(401, "Unauthorized", "no API key"));
            String[] seg = rest.split("/", -1);
            if (!seg[0].equals(scope.source())) {
                throw ApiError.forbidden("this API key is for another source");
            }
            Map<String, String> vars = new HashMap<>();
            Route route = match(seg, vars);
            if (!scope.allows(route.resource())) {
                throw ApiError.forbidden("this API key may not read " + route.resource());
            }
            Map<String, String> query = query(request, route);
            Object body = route.op().apply(new Ctx(scope, vars, query));
            send(request, response, callback, Json.bytes(body), "application/json", "private, no-cache");
        } catch (ApiError e) {
            problem(response, callback, e.status(), e.title(), e.getMessage());
        } catch (IllegalArgumentException e) {
            // the report queries validate their arguments (e.g. a period that ends before it starts)
            problem(response, callback, 400, "Bad Request", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("read API request {} failed", request.getHttpURI().getPath(), e);
            problem(response, callback, 500, "Internal Server Error", "the request failed; see the server log");
        }
        return true;
    }

    private Route match(String[] seg, Map<String, String> vars) {
        for (Route r : routes) {
            String[] t = r.segments();
            if (t.length != seg.length - 1) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            boolean ok = true;
            for (int i = 0; i < t.length && ok; i++) {
                String s = seg[i + 1];
                if (t[i].startsWith("{")) {
                    String v = URLDecoder.decode(s, StandardCharsets.UTF_8);
                    ok = !v.isEmpty();
                    found.put(t[i].substring(1, t[i].length() - 1), v);
                } else {
                    ok = t[i].equals(s);
                }
            }
            if (ok) {
                vars.putAll(found);
                return r;
            }
        }
        throw ApiError.notFound("no such resource: " + String.join("/", java.util.Arrays.copyOfRange(seg, 1, seg.length)));
    }

    private static Map<String, String> query(Request request, Route route) {
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        Map<String, String> q = new HashMap<>();
        for (Fields.Field f : fields) {
            String name = f.getName();
            boolean known = COMMON.contains(name) || route.params().stream().anyMatch(p -> p.in().equals("query") && p.name().equals(name));
            if (!known) {
                throw ApiError.badRequest("unknown parameter " + name + " for " + route.template());
            }
            if (f.getValues().size() > 1) {
                throw ApiError.badRequest("parameter " + name + " given more than once");
            }
            q.put(name, f.getValue());
        }
        return q;
    }

    private static void send(Request request, Response response, Callback callback, byte[] body, String type,
                             String cacheControl) {
        String etag = "\"" + hash(body) + "\"";
        response.getHeaders().put(HttpHeader.ETAG, etag);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, cacheControl);
        response.getHeaders().add(HttpHeader.VARY, "Authorization");
        String inm = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (inm != null && matches(inm, etag)) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        if (HttpMethod.HEAD.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            callback.succeeded();
            return;
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    static boolean matches(String ifNoneMatch, String etag) {
        String bare = etag.substring(1, etag.length() - 1);
        for (String t : ifNoneMatch.split(",")) {
            String s = t.trim();
            if (s.equals("*")) {
                return true;
            }
            if (s.startsWith("W/")) {
                s = s.substring(2);
            }
            // compression handlers add a suffix to the tag of the compressed body
            if (s.equals(etag) || (s.startsWith("\"" + bare) && s.endsWith("\""))) {
                return true;
            }
        }
        return false;
    }

    private static String hash(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void problem(Response response, Callback callback, int status, String title, String detail) {
        String body = Json.MAPPER.createObjectNode().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).toString();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
