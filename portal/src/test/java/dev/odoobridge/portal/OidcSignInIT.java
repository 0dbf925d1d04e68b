package dev.odoobridge.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in through an OpenID Connect provider (in-process, RSA key made by the test), and the tokens it refuses. */
@org.junit.jupiter.api.Timeout(120)
class OidcSignInIT {
    private static FakeOidcProvider provider;
    private static PortalHarness h;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        PortalHarness.MovingClock[] clock = new PortalHarness.MovingClock[1];
        provider = new FakeOidcProvider(new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock[0].instant();
            }
        });
        h = PortalHarness.start(cfg -> cfg.withOidc(new PortalConfig.Oidc(URI.create(provider.issuer),
                FakeOidcProvider.CLIENT_ID, FakeOidcProvider.CLIENT_SECRET, PortalConfig.Oidc.DEFAULT_REDIRECT_PATH)));
        clock[0] = h.clock;
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
        provider.close();
    }

    @BeforeEach
    void good() {
        provider.mode = FakeOidcProvider.Mode.GOOD;
    }

    /** Starts at the portal, passes the provider, and returns the callback URL the provider sent the browser to. */
    private String throughProvider(RawClient browser) throws Exception {
        HttpResponse<String> start = browser.get("/signin/oidc");
        assertThat(start.statusCode()).isEqualTo(303);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(provider.issuer + "/authorize?").contains("code_challenge_method=S256")
                .contains("nonce=").contains("state=").contains("scope=openid+email");
        HttpResponse<String> approved = http.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).isEqualTo(302);
        String callback = approved.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(h.base + "/signin/oidc/callback?");
        return callback.substring(h.base.length());
    }

    @Test
    void aVerifiedEmailSignsIn() throws Exception {
        RawClient browser = new RawClient(h.base);
        HttpResponse<String> back = browser.get(throughProvider(browser));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).hasValue("/portal/dashboard");
        assertThat(browser.get("/dashboard").body()).contains(PortalHarness.ACME_EMAIL);
        assertThat(h.auditOf(PortalHarness.ACME_EMAIL)).first().isEqualTo("signin");
    }

    @Test
    void aReplayedStateIsRefused() throws Exception {
        RawClient browser = new RawClient(h.base);
        String callback = throughProvider(browser);
        String stateCookie = browser.cookies.get("portal_oidc");
        assertThat(browser.get(callback).statusCode()).isEqualTo(303);
        RawClient replay = new RawClient(h.base);
        replay.cookies.put("portal_oidc", stateCookie);
        HttpResponse<String> again = replay.get(callback);
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("expired or was used already");
        assertThat(replay.cookies).doesNotContainKey("portal_session");
    }

    @Test
    void aCallbackWithoutTheBrowsersStateCookieIsRefused() throws Exception {
        RawClient browser = new RawClient(h.base);
        String callback = throughProvider(browser);
        HttpResponse<String> elsewhere = new RawClient(h.base).get(callback);
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.body()).contains("no sign-in was started in this browser");
    }

    private void refused(FakeOidcProvider.Mode mode, String why) throws Exception {
        provider.mode = mode;
        RawClient browser = new RawClient(h.base);
        HttpResponse<String> back = browser.get(throughProvider(browser));
        assertThat(back.statusCode()).as(mode.name()).isEqualTo(403);
        assertThat(back.body()).contains(why);
        assertThat(browser.cookies).doesNotContainKey("portal_session");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        refused(FakeOidcProvider.Mode.WRONG_SIGNATURE, "the ID token was refused");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        refused(FakeOidcProvider.Mode.WRONG_AUDIENCE, "the ID token was refused");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        refused(FakeOidcProvider.Mode.EXPIRED, "the ID token was refused");
    }

    @Test
    void aTokenWithAnotherNonceIsRefused() throws Exception {
        refused(FakeOidcProvider.Mode.OTHER_NONCE, "the ID token was refused");
    }

    @Test
    void anUnverifiedEmailIsRefused() throws Exception {
        refused(FakeOidcProvider.Mode.UNVERIFIED_EMAIL, "verified email");
    }
}
