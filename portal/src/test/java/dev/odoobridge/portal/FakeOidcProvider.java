package dev.odoobridge.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * An OpenID Connect provider in-process: discovery, JWKS, an authorization endpoint that approves at once, and a token
 * endpoint that checks the client's secret and the PKCE verifier and answers an ID token shaped by {@link #mode}.
 */
final class FakeOidcProvider implements AutoCloseable {
    static final String CLIENT_ID = "portal-client";
    static final String CLIENT_SECRET = "portal-client-secret";

    /** How the next ID token is made. */
    enum Mode { GOOD, WRONG_SIGNATURE, WRONG_AUDIENCE, EXPIRED, OTHER_NONCE, UNVERIFIED_EMAIL }

    volatile Mode mode = Mode.GOOD;
    volatile String email = PortalHarness.ACME_EMAIL;
    private final Clock clock;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final Server server = new Server();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    final String issuer;

    private record Grant(String nonce, String challenge, String redirectUri) {
    }

    FakeOidcProvider(Clock clock) throws Exception {
        this.clock = clock;
        this.key = new RSAKeyGenerator(2048).keyID("k1").generate();
        this.otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return serve(request, response, callback);
            }
        });
        server.start();
        issuer = "http://127.0.0.1:" + connector.getLocalPort();
    }

    private boolean serve(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        switch (path) {
            case "/.well-known/openid-configuration" -> json(response, callback, 200, JSONObjectUtils.toJSONString(Map.of(
                    "issuer", issuer, "authorization_endpoint", issuer + "/authorize", "token_endpoint", issuer + "/token",
                    "jwks_uri", issuer + "/jwks")));
            case "/jwks" -> json(response, callback, 200, new JWKSet(key.toPublicJWK()).toString());
            case "/authorize" -> {
                Fields q = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
                if (!CLIENT_ID.equals(q.getValue("client_id")) || !"S256".equals(q.getValue("code_challenge_method"))) {
                    json(response, callback, 400, "{\"error\":\"invalid_request\"}");
                    return true;
                }
                String code = "code-" + grants.size();
                grants.put(code, new Grant(q.getValue("nonce"), q.getValue("code_challenge"), q.getValue("redirect_uri")));
                response.setStatus(302);
                response.getHeaders().put(HttpHeader.LOCATION, q.getValue("redirect_uri") + "?code=" + code + "&state="
                        + URLEncoder.encode(q.getValue("state"), StandardCharsets.UTF_8));
                callback.succeeded();
            }
            case "/token" -> token(request, response, callback);
            default -> json(response, callback, 404, "{}");
        }
        return true;
    }

    private void token(Request request, Response response, Callback callback) throws Exception {
        Fields form = FormFields.getFields(request);
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        Grant g = grants.remove(String.valueOf(form.getValue("code")));
        String verifier = form.getValue("code_verifier");
        if (g == null || !basic.equals(request.getHeaders().get(HttpHeader.AUTHORIZATION)) || verifier == null
                || !g.challenge().equals(Base64.getUrlEncoder().withoutPadding().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII))))
                || !g.redirectUri().equals(form.getValue("redirect_uri"))) {
            json(response, callback, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        json(response, callback, 200, JSONObjectUtils.toJSONString(Map.of("access_token", "at", "token_type", "Bearer",
                "id_token", idToken(g.nonce()))));
    }

    private String idToken(String nonce) throws JOSEException {
        Instant now = clock.instant();
        Mode m = mode;
        Instant iat = m == Mode.EXPIRED ? now.minusSeconds(3600) : now;
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("user-1")
                .audience(m == Mode.WRONG_AUDIENCE ? "another-client" : CLIENT_ID)
                .issueTime(Date.from(iat)).expirationTime(Date.from(iat.plusSeconds(m == Mode.EXPIRED ? 600 : 300)))
                .claim("nonce", m == Mode.OTHER_NONCE ? "not-" + nonce : nonce).claim("email", email)
                .claim("email_verified", m != Mode.UNVERIFIED_EMAIL).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(m == Mode.WRONG_SIGNATURE ? otherKey : key));
        return jwt.serialize();
    }

    private static void json(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
