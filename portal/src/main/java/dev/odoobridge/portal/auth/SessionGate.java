package dev.odoobridge.portal.auth;

import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.Gate;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.SignedIn;
import dev.odoobridge.vendors.OneTimeCodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * The portal's {@link Gate}: the session cookie ({@value #SESSION_COOKIE}: HttpOnly, Secure unless configured off,
 * SameSite=Lax, Path = the mount prefix) resolved through {@link Sessions}, and CSRF checks on every POST: a POST with
 * an {@code Origin} header that is not the request's own origin is refused; a signed-in vendor's POST must carry the
 * session's token in field {@code csrf} (synchronizer token); a public form's POST (sign-in) must carry the HMAC of the
 * pre-session cookie {@value #PRESESSION_COOKIE} (double submit bound to a server key). Tokens are compared in
 * constant time; a refusal is a 403 before any route runs, so nothing is written.
 */
public final class SessionGate implements Gate {
    /** The session cookie. */
    public static final String SESSION_COOKIE = "portal_session";
    /** The pre-session cookie of public forms. */
    public static final String PRESESSION_COOKIE = "portal_presession";
    /** The form field every POST carries its token in. */
    public static final String CSRF_FIELD = "csrf";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Sessions sessions;
    private final OneTimeCodes keys;
    private final boolean secureCookies;

    /**
     * @param sessions the sessions
     * @param keys the server secret (HMAC of the pre-session token)
     * @param secureCookies whether cookies carry {@code Secure}
     */
    public SessionGate(Sessions sessions, OneTimeCodes keys, boolean secureCookies) {
        this.sessions = Objects.requireNonNull(sessions, "sessions == null");
        this.keys = Objects.requireNonNull(keys, "keys == null");
        this.secureCookies = secureCookies;
    }

    @Override
    public Optional<SignedIn> resolve(Exchange exchange) {
        return cookie(exchange.request(), SESSION_COOKIE).flatMap(sessions::resolve);
    }

    @Override
    public void checkCsrf(Exchange exchange) {
        checkOrigin(exchange.request());
        String given = exchange.form(CSRF_FIELD).orElse("");
        String expected = exchange.signedIn().map(SignedIn::csrf)
                .orElseGet(() -> cookie(exchange.request(), PRESESSION_COOKIE).map(this::presessionToken).orElse(null));
        if (expected == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new PortalException(403, "This form has expired or did not come from this portal. Reload the page "
                    + "and try again.");
        }
    }

    /**
     * The token a public form (sign-in) must post in field {@code csrf}: the session's for a signed-in vendor, else
     * the pre-session token (the pre-session cookie is set when the browser has none yet).
     */
    public String publicFormToken(Exchange exchange) {
        if (exchange.signedIn().isPresent()) {
            return exchange.signedIn().get().csrf();
        }
        Optional<String> present = cookie(exchange.request(), PRESESSION_COOKIE).filter(v -> v.matches("[A-Za-z0-9_-]{43}"));
        String value = present.orElseGet(() -> {
            String v = B64.encodeToString(keys.randomBytes(32));
            Response.addCookie(exchange.response(), cookie(exchange, PRESESSION_COOKIE, v, -1));
            return v;
        });
        return presessionToken(value);
    }

    /**
     * Signs the vendor in: revokes whatever session the browser's cookie named, starts a fresh one and sets its cookie.
     */
    public SignedIn signIn(Exchange exchange, String vendor, String method) {
        resolve(exchange).ifPresent(old -> sessions.revoke(old.sessionId()));
        Sessions.Started s = sessions.start(vendor, method);
        Response.addCookie(exchange.response(), cookie(exchange, SESSION_COOKIE, s.cookieValue(), -1));
        return s.signedIn();
    }

    /** Revokes the vendor's session and clears the cookie. */
    public void signOut(Exchange exchange, SignedIn who) {
        sessions.revoke(who.sessionId());
        Response.addCookie(exchange.response(), cookie(exchange, SESSION_COOKIE, "", 0));
    }

    /** A cookie of the portal: HttpOnly, SameSite=Lax, Secure as configured, Path = the mount prefix. */
    HttpCookie cookie(Exchange exchange, String name, String value, long maxAge) {
        return HttpCookie.build(name, value).path(exchange.base().isEmpty() ? "/" : exchange.base()).httpOnly(true)
                .secure(secureCookies).sameSite(HttpCookie.SameSite.LAX).maxAge(maxAge).build();
    }

    /** The value of a cookie the request carries (the first one of that name). */
    static Optional<String> cookie(Request request, String name) {
        List<HttpCookie> cookies = Request.getCookies(request);
        for (HttpCookie c : cookies) {
            if (c.getName().equals(name) && c.getValue() != null && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    private String presessionToken(String cookieValue) {
        return B64.encodeToString(keys.hash("portal-presession", cookieValue));
    }

    /** The request's own origin, e.g. {@code https://bridge.example.com} or {@code http://localhost:8088}. */
    static String ownOrigin(Request request) {
        HttpURI uri = request.getHttpURI();
        int port = uri.getPort();
        String scheme = uri.getScheme();
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }

    private static void checkOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return;
        }
        if (!origin.equalsIgnoreCase(ownOrigin(request))) {
            throw new PortalException(403, "This form was sent from another site and is refused.");
        }
    }
}
