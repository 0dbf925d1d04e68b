package dev.odoobridge.portal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.odoobridge.portal.PortalConfig;
import dev.odoobridge.portal.auth.internal.OidcFlowTable;
import dev.odoobridge.portal.web.Exchange;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with an OpenID Connect provider: the authorization-code flow with {@code state} (single use, bound to the
 * browser by a cookie), {@code nonce} and PKCE (S256); the provider's endpoints from its discovery document; the ID
 * token verified with Nimbus JOSE + JWT against the provider's JWKS (signature, {@code iss}, {@code aud}, {@code exp}
 * and {@code iat} with 60 s of skew, {@code nonce}); the vendor is the token's {@code email}, which must be verified
 * ({@code email_verified}).
 */
public final class OidcSignIn {
    /** The cookie binding a pending sign-in to the browser that started it. */
    public static final String STATE_COOKIE = "portal_oidc";

    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);
    private static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);
    private static final int SKEW_SECONDS = 60;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    private final PortalConfig.Oidc config;
    private final OidcFlowTable flows;
    private final Clock clock;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();
    private volatile Provider provider;

    /** The provider's endpoints and keys, read once from its discovery document. */
    private record Provider(String issuer, URI authorization, URI token, JWKSource<SecurityContext> keys) {
    }

    /**
     * @param config the provider and the portal's client
     * @param dataSource the state database (pending sign-ins)
     * @param clock time source (token expiry, flow expiry)
     */
    public OidcSignIn(PortalConfig.Oidc config, DataSource dataSource, Clock clock) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.flows = new OidcFlowTable(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The callback path inside the portal. */
    public String redirectPath() {
        return config.redirectPath();
    }

    /** Starts a sign-in: stores state, nonce and verifier, sets the state cookie and sends the browser to the provider. */
    void start(Exchange e, SessionGate gate) {
        Provider p = provider();
        String state = token();
        String nonce = token();
        String verifier = token();
        Instant now = clock.instant();
        flows.insert(sha256(state), new OidcFlowTable.Flow(nonce, verifier), now, now.plus(FLOW_LIFETIME));
        Response.addCookie(e.response(), gate.cookie(e, STATE_COOKIE, state, FLOW_LIFETIME.toSeconds()));
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", config.clientId());
        q.put("redirect_uri", redirectUri(e));
        q.put("scope", "openid email");
        q.put("state", state);
        q.put("nonce", nonce);
        q.put("code_challenge", B64.encodeToString(sha256(verifier)));
        q.put("code_challenge_method", "S256");
        String sep = p.authorization().getRawQuery() == null ? "?" : "&";
        e.response().getHeaders().put(HttpHeader.LOCATION, p.authorization() + sep + form(q));
        e.send(303, null, new byte[0]);
    }

    /**
     * Finishes a sign-in at the callback.
     *
     * @return the vendor: the verified email, lower-cased
     * @throws SignInException PROVIDER_REFUSED with what was wrong (no secret in it)
     */
    String finish(Exchange e, SessionGate gate) {
        Optional<String> error = e.query("error");
        if (error.isPresent()) {
            throw refuse("the provider answered '" + error.get().replaceAll("[^A-Za-z0-9_.-]", "") + "'");
        }
        String state = e.query("state").orElseThrow(() -> refuse("the answer has no state"));
        String cookie = SessionGate.cookie(e.request(), STATE_COOKIE).orElseThrow(() -> refuse("no sign-in was started "
                + "in this browser"));
        Response.addCookie(e.response(), gate.cookie(e, STATE_COOKIE, "", 0));
        if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), cookie.getBytes(StandardCharsets.UTF_8))) {
            throw refuse("the answer belongs to another sign-in");
        }
        OidcFlowTable.Flow flow = flows.take(sha256(state), clock.instant())
                .orElseThrow(() -> refuse("the sign-in expired or was used already"));
        String code = e.query("code").orElseThrow(() -> refuse("the answer has no code"));
        Provider p = provider();
        String idToken = exchangeCode(p, code, flow.verifier(), redirectUri(e));
        JWTClaimsSet claims = verify(p, idToken, flow.nonce());
        Object verified = claims.getClaim("email_verified");
        String email;
        try {
            email = claims.getStringClaim("email");
        } catch (ParseException x) {
            throw refuse("the token's email is not a string");
        }
        if (email == null || !(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
            throw refuse("the provider did not give a verified email address");
        }
        try {
            return CodeSignIn.normalize(email);
        } catch (SignInException x) {
            throw refuse("the provider's email is not an address");
        }
    }

    private String exchangeCode(Provider p, String code, String verifier, String redirectUri) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", code);
        f.put("redirect_uri", redirectUri);
        f.put("code_verifier", verifier);
        f.put("client_id", config.clientId());
        String basic = Base64.getEncoder().encodeToString((enc(config.clientId()) + ":" + enc(config.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(p.token()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(f))).build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw refuse("the provider refused the code (HTTP " + r.statusCode() + ")");
            }
            Object token = JSONObjectUtils.parse(r.body()).get("id_token");
            if (!(token instanceof String s) || s.isBlank()) {
                throw refuse("the provider's answer has no ID token");
            }
            return s;
        } catch (IOException | ParseException x) {
            LOG.warn("OIDC token exchange with {} failed: {}", p.token(), x.toString());
            throw refuse("the provider could not be reached");
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw refuse("interrupted");
        }
    }

    private JWTClaimsSet verify(Provider p, String idToken, String nonce) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, p.keys()));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(config.clientId(),
                new JWTClaimsSet.Builder().issuer(p.issuer()).claim("nonce", nonce).build(),
                Set.of("sub", "iat", "exp", "email")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        try {
            JWTClaimsSet set = processor.process(idToken, null);
            Date iat = set.getIssueTime();
            if (iat == null || iat.toInstant().isAfter(clock.instant().plusSeconds(SKEW_SECONDS))) {
                throw refuse("the ID token was issued in the future");
            }
            return set;
        } catch (ParseException | BadJOSEException | JOSEException x) {
            LOG.info("refused an OIDC ID token: {}", x.getMessage());
            throw refuse("the ID token was refused (" + x.getMessage() + ")");
        }
    }

    private Provider provider() {
        Provider p = provider;
        if (p == null) {
            p = discover();
            provider = p;
        }
        return p;
    }

    private Provider discover() {
        String issuer = config.issuer().toString();
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the OIDC discovery document of " + issuer + " answered HTTP " + r.statusCode());
            }
            Map<String, Object> doc = JSONObjectUtils.parse(r.body());
            String announced = String.valueOf(doc.get("issuer"));
            String announcedBase = announced.endsWith("/") ? announced.substring(0, announced.length() - 1) : announced;
            if (!announcedBase.equals(base)) {
                throw new IllegalStateException("the OIDC provider calls itself '" + announced + "', not '" + issuer + "'");
            }
            URI jwks = new URI(String.valueOf(doc.get("jwks_uri")));
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwks.toURL()).retrying(false).build();
            return new Provider(announced, new URI(String.valueOf(doc.get("authorization_endpoint"))),
                    new URI(String.valueOf(doc.get("token_endpoint"))), keys);
        } catch (IOException | ParseException | URISyntaxException | IllegalArgumentException x) {
            throw new IllegalStateException("could not read the OIDC discovery document of " + issuer + ": " + x, x);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", x);
        }
    }

    private String redirectUri(Exchange e) {
        return SessionGate.ownOrigin(e.request()) + e.base() + config.redirectPath();
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }

    private static SignInException refuse(String why) {
        return new SignInException(SignInException.Reason.PROVIDER_REFUSED, why);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(en -> enc(en.getKey()) + "=" + enc(en.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException("SHA-256 unavailable", x);
        }
    }
}
