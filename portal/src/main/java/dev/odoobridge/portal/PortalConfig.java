package dev.odoobridge.portal;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the portal signs vendors in.
 *
 * @param mailSource the source whose Odoo mails the sign-in codes
 * @param secureCookies whether cookies carry {@code Secure} (default true; false only for plain-http local use)
 * @param sessionIdle a session ends after this long without a request (default 30 minutes, sliding)
 * @param sessionAbsolute a session ends this long after sign-in whatever happens (default 12 hours)
 * @param oidc sign-in with an external identity provider, when configured
 */
public record PortalConfig(String mailSource, boolean secureCookies, Duration sessionIdle, Duration sessionAbsolute,
                           Optional<Oidc> oidc) {
    /** Default idle expiry. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    /** Default absolute expiry. */
    public static final Duration DEFAULT_ABSOLUTE = Duration.ofHours(12);

    public PortalConfig {
        Objects.requireNonNull(mailSource, "mailSource == null");
        Objects.requireNonNull(sessionIdle, "sessionIdle == null");
        Objects.requireNonNull(sessionAbsolute, "sessionAbsolute == null");
        Objects.requireNonNull(oidc, "oidc == null");
        if (mailSource.isBlank()) {
            throw new IllegalArgumentException("portal.mail-source must name a configured source");
        }
        if (sessionIdle.compareTo(Duration.ofMinutes(1)) < 0 || sessionIdle.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("portal.session-idle must be between 1m and 24h, was " + sessionIdle);
        }
        if (sessionAbsolute.compareTo(sessionIdle) < 0 || sessionAbsolute.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("portal.session-absolute must be at least session-idle (" + sessionIdle
                    + ") and at most 30d, was " + sessionAbsolute);
        }
    }

    /** The defaults (secure cookies, 30 min idle, 12 h absolute, no OIDC) with codes mailed through {@code mailSource}. */
    public static PortalConfig defaults(String mailSource) {
        return new PortalConfig(mailSource, true, DEFAULT_IDLE, DEFAULT_ABSOLUTE, Optional.empty());
    }

    /** A copy with another cookie security. */
    public PortalConfig withSecureCookies(boolean secure) {
        return new PortalConfig(mailSource, secure, sessionIdle, sessionAbsolute, oidc);
    }

    /** A copy with other expiries. */
    public PortalConfig withSessionExpiry(Duration idle, Duration absolute) {
        return new PortalConfig(mailSource, secureCookies, idle, absolute, oidc);
    }

    /** A copy with OIDC sign-in. */
    public PortalConfig withOidc(Oidc oidc) {
        return new PortalConfig(mailSource, secureCookies, sessionIdle, sessionAbsolute, Optional.of(oidc));
    }

    /**
     * An OpenID Connect provider (authorization-code flow with PKCE).
     *
     * @param issuer the provider's issuer URL (its discovery document is {@code <issuer>/.well-known/openid-configuration})
     * @param clientId the portal's client id at the provider
     * @param clientSecret its client secret
     * @param redirectPath the callback path inside the portal (default {@code /signin/oidc/callback})
     */
    public record Oidc(URI issuer, String clientId, String clientSecret, String redirectPath) {
        /** The default callback path. */
        public static final String DEFAULT_REDIRECT_PATH = "/signin/oidc/callback";

        public Oidc {
            Objects.requireNonNull(issuer, "issuer == null");
            Objects.requireNonNull(clientId, "clientId == null");
            Objects.requireNonNull(clientSecret, "clientSecret == null");
            Objects.requireNonNull(redirectPath, "redirectPath == null");
            String scheme = issuer.getScheme() == null ? "" : issuer.getScheme();
            boolean local = "localhost".equals(issuer.getHost()) || "127.0.0.1".equals(issuer.getHost());
            if (issuer.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && local)) {
                throw new IllegalArgumentException("portal.oidc.issuer must be an https:// URL (http:// only for localhost),"
                        + " was '" + issuer + "'");
            }
            if (clientId.isBlank() || clientSecret.isBlank()) {
                throw new IllegalArgumentException("portal.oidc needs client-id and client-secret");
            }
            if (!redirectPath.matches("/[A-Za-z0-9/_-]{1,100}") || redirectPath.contains("//")) {
                throw new IllegalArgumentException("portal.oidc.redirect-path must be a path like /signin/oidc/callback,"
                        + " was '" + redirectPath + "'");
            }
        }

        @Override
        public String toString() {
            return "Oidc{" + issuer + ", clientId=" + clientId + ", clientSecret=****, " + redirectPath + "}";
        }
    }
}
