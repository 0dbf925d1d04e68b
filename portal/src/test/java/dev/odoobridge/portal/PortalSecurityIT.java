package dev.odoobridge.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The portal's refusals: CSRF (missing, wrong, foreign origin), session fixation, forged, replayed and expired
 * cookies, wrong, expired and reused codes with the attempt cap, rate limits, and oversized or malformed forms; each a
 * clear 4xx with nothing written.
 */
@Timeout(120)
class PortalSecurityIT {
    private static PortalHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = PortalHarness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @BeforeEach
    void nextDay() {
        h.clock.advance(Duration.ofHours(25));
    }

    private RawClient client() {
        return new RawClient(h.base);
    }

    private Map<String, String> linkRequest(String csrf) {
        return Map.of("csrf", csrf, "source", PortalHarness.SOURCE, "partner", String.valueOf(h.acme),
                "delivery", "partner");
    }

    @Test
    void signedInPostsWithoutOrWithAWrongTokenOrFromAnotherOriginAreRefusedAndWriteNothing() {
        RawClient c = client();
        String token = c.signIn(h, PortalHarness.ACME_EMAIL);
        int mails = h.fake.sentMails().size();
        int challenges = h.count("vendor_challenges");

        HttpResponse<String> none = c.post("/links/request", Map.of("source", PortalHarness.SOURCE,
                "partner", String.valueOf(h.acme), "delivery", "partner"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("Not allowed");
        assertThat(c.post("/links/request", linkRequest(token.substring(1) + "x")).statusCode()).isEqualTo(403);
        assertThat(c.post("/links/request", linkRequest(token), "Origin", "https://evil.example").statusCode())
                .isEqualTo(403);
        assertThat(c.post("/signout", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        // a pre-session token is not a session token
        RawClient other = client();
        String publicToken = RawClient.csrf(other.get("/signin"));
        assertThat(c.post("/links/request", linkRequest(publicToken)).statusCode()).isEqualTo(403);

        assertThat(h.fake.sentMails()).hasSize(mails);
        assertThat(h.count("vendor_challenges")).isEqualTo(challenges);
        // the same request with the token and our own origin goes through
        assertThat(c.post("/links/request", linkRequest(token), "Origin", h.base.replace("/portal", "")).statusCode())
                .isEqualTo(200);
        assertThat(h.fake.sentMails()).hasSize(mails + 1);
    }

    @Test
    void publicFormsNeedTheDoubleSubmitToken() {
        int challenges = h.count("portal_signin_challenges");
        RawClient c = client();
        String token = RawClient.csrf(c.get("/signin"));
        assertThat(c.post("/signin", Map.of("email", PortalHarness.ACME_EMAIL)).statusCode()).isEqualTo(403);
        assertThat(c.post("/signin", Map.of("csrf", token + "x", "email", PortalHarness.ACME_EMAIL)).statusCode())
                .isEqualTo(403);
        RawClient noCookie = client();
        assertThat(noCookie.post("/signin", Map.of("csrf", token, "email", PortalHarness.ACME_EMAIL)).statusCode())
                .isEqualTo(403);
        // a cookie of another browser with this browser's token does not match
        RawClient stranger = client();
        stranger.get("/signin");
        assertThat(stranger.post("/signin", Map.of("csrf", token, "email", PortalHarness.ACME_EMAIL)).statusCode())
                .isEqualTo(403);
        assertThat(h.count("portal_signin_challenges")).isEqualTo(challenges);
    }

    @Test
    void aCookiePresentBeforeSignInIsNeverPromoted() {
        RawClient attacker = client();
        attacker.signIn(h, PortalHarness.BETA_EMAIL);
        String planted = attacker.cookies.get("portal_session");

        h.clock.advance(Duration.ofMinutes(2));
        RawClient guessed = client();
        guessed.cookies.put("portal_session", "B".repeat(43));
        guessed.signIn(h, PortalHarness.BETA_EMAIL);
        assertThat(guessed.cookies.get("portal_session")).isNotEqualTo("B".repeat(43));
        h.clock.advance(Duration.ofMinutes(2));

        RawClient victim = client();
        victim.cookies.put("portal_session", planted);
        victim.signIn(h, PortalHarness.ACME_EMAIL);
        String session = victim.cookies.get("portal_session");
        assertThat(session).isNotEqualTo(planted).hasSize(43);
        assertThat(victim.get("/dashboard").body()).contains(PortalHarness.ACME_EMAIL);
        // the planted session was revoked by the sign-in, so the attacker holds nothing
        assertThat(attacker.get("/dashboard").statusCode()).isEqualTo(303);

        RawClient forged = client();
        forged.cookies.put("portal_session", "A".repeat(43));
        assertThat(forged.get("/dashboard").headers().firstValue("Location")).hasValue("/portal/signin");
        forged.cookies.put("portal_session", "not-even-the-right-shape");
        assertThat(forged.get("/dashboard").statusCode()).isEqualTo(303);
    }

    @Test
    void aCookieReplayedAfterSignOutIsSignedOut() {
        RawClient c = client();
        String token = c.signIn(h, PortalHarness.ACME_EMAIL);
        String cookie = c.cookies.get("portal_session");
        HttpResponse<String> out = c.post("/signout", Map.of("csrf", token));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(v -> v.startsWith("portal_session=;")
                || v.startsWith("portal_session=\"\""));
        RawClient replay = client();
        replay.cookies.put("portal_session", cookie);
        assertThat(replay.get("/links").headers().firstValue("Location")).hasValue("/portal/signin");
        assertThat(replay.post("/links/request", linkRequest(token)).statusCode()).isEqualTo(401);
        assertThat(h.auditOf(PortalHarness.ACME_EMAIL)).first().isEqualTo("signout");
    }

    @Test
    void sessionsEndWhenIdleAndAtTheirAbsoluteExpiry() {
        RawClient idle = client();
        idle.signIn(h, PortalHarness.ACME_EMAIL);
        h.clock.advance(Duration.ofMinutes(29));
        assertThat(idle.get("/dashboard").statusCode()).isEqualTo(200);
        h.clock.advance(Duration.ofMinutes(29)); // sliding: 29 min after the last request
        assertThat(idle.get("/dashboard").statusCode()).isEqualTo(200);
        h.clock.advance(Duration.ofMinutes(31));
        assertThat(idle.get("/dashboard").statusCode()).isEqualTo(303);

        h.clock.advance(Duration.ofHours(25));
        RawClient busy = client();
        busy.signIn(h, PortalHarness.BETA_EMAIL);
        for (int i = 0; i < 35; i++) {
            h.clock.advance(Duration.ofMinutes(20));
            assertThat(busy.get("/dashboard").statusCode()).isEqualTo(200);
        }
        h.clock.advance(Duration.ofMinutes(20)); // 35 x 20 min + 20 min = 12 h after sign-in
        assertThat(busy.get("/dashboard").statusCode()).isEqualTo(303);
    }

    @Test
    void wrongExpiredAndReusedCodesAndTheAttemptCap() {
        RawClient c = client();
        String token = RawClient.csrf(c.get("/signin"));
        String email = PortalHarness.ACME_EMAIL;
        c.post("/signin", Map.of("csrf", token, "email", email));
        String code = h.lastCodeTo(email);
        String wrong = code.equals("000000") ? "000001" : "000000";
        HttpResponse<String> bad = c.post("/signin/code", Map.of("csrf", token, "email", email, "code", wrong));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Wrong code. 4 attempts left.");
        assertThat(bad.headers().allValues("Set-Cookie")).noneMatch(v -> v.startsWith("portal_session="));
        for (int i = 0; i < 4; i++) {
            c.post("/signin/code", Map.of("csrf", token, "email", email, "code", wrong));
        }
        HttpResponse<String> dead = c.post("/signin/code", Map.of("csrf", token, "email", email, "code", code));
        assertThat(dead.statusCode()).isEqualTo(400);
        assertThat(dead.body()).contains("Too many wrong attempts");
        assertThat(c.cookies).doesNotContainKey("portal_session");

        h.clock.advance(Duration.ofMinutes(2));
        c.post("/signin", Map.of("csrf", token, "email", email));
        String fresh = h.lastCodeTo(email);
        h.clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> expired = c.post("/signin/code", Map.of("csrf", token, "email", email, "code", fresh));
        assertThat(expired.body()).contains("This code has expired");

        c.post("/signin", Map.of("csrf", token, "email", email));
        String once = h.lastCodeTo(email);
        assertThat(c.post("/signin/code", Map.of("csrf", token, "email", email, "code", once)).statusCode()).isEqualTo(303);
        RawClient replay = client();
        String t2 = RawClient.csrf(replay.get("/signin"));
        HttpResponse<String> reused = replay.post("/signin/code", Map.of("csrf", t2, "email", email, "code", once));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("used already");
        assertThat(h.auditOf(email)).contains("signin_failed", "signin");
        assertThat(String.join(" ", h.auditOf(email))).doesNotContain(once);
    }

    @Test
    void codesAreRateLimitedPerAddressAndPerClient() {
        RawClient c = client();
        String token = RawClient.csrf(c.get("/signin"));
        assertThat(c.post("/signin", Map.of("csrf", token, "email", PortalHarness.ACME_EMAIL)).statusCode()).isEqualTo(303);
        HttpResponse<String> again = c.post("/signin", Map.of("csrf", token, "email", PortalHarness.ACME_EMAIL));
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.body()).contains("less than 60 seconds ago");
        int sent = h.mailsTo(PortalHarness.ACME_EMAIL).size();
        for (int i = 1; i < 20; i++) {
            assertThat(c.post("/signin", Map.of("csrf", token, "email", "n" + i + "@nowhere.example")).statusCode())
                    .isEqualTo(303);
        }
        HttpResponse<String> network = c.post("/signin", Map.of("csrf", token, "email", "n21@nowhere.example"));
        assertThat(network.statusCode()).isEqualTo(429);
        assertThat(network.body()).contains("from your network");
        assertThat(h.mailsTo(PortalHarness.ACME_EMAIL)).hasSize(sent);
    }

    @Test
    void oversizedMalformedAndMistypedFormsAreClear4xx() throws Exception {
        RawClient c = client();
        String token = c.signIn(h, PortalHarness.ACME_EMAIL);
        int challenges = h.count("vendor_challenges");
        assertThat(c.postHuge("/links/request", "csrf=" + token + "&partner=", 300 * 1024)).isEqualTo(413);
        HttpResponse<String> control = c.postRaw("/links/request", "application/x-www-form-urlencoded",
                "csrf=" + token + "&source=shop&partner=1%00&delivery=partner");
        assertThat(control.statusCode()).isEqualTo(400);
        HttpResponse<String> broken = c.postRaw("/links/request", "application/x-www-form-urlencoded",
                "csrf=" + token + "&partner=%zz");
        assertThat(broken.statusCode()).isIn(400, 403);
        HttpResponse<String> json = c.postRaw("/links/request", "application/json", "{\"csrf\":\"" + token + "\"}");
        assertThat(json.statusCode()).isEqualTo(415);
        HttpResponse<String> notAPartner = c.post("/links/request", Map.of("csrf", token, "source", "shop",
                "partner", "drop table", "delivery", "partner"));
        assertThat(notAPartner.statusCode()).isEqualTo(400);
        HttpResponse<String> otherShop = c.post("/links/request", Map.of("csrf", token, "source", "elsewhere",
                "partner", "1", "delivery", "partner"));
        assertThat(otherShop.statusCode()).isEqualTo(400);
        HttpResponse<String> notMine = c.post("/links/unlink", Map.of("csrf", token, "source", "shop", "partner", "999"));
        assertThat(notMine.statusCode()).isEqualTo(404);
        assertThat(h.count("vendor_challenges")).isEqualTo(challenges);
        for (HttpResponse<String> r : List.of(control, json, notAPartner, notMine)) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at dev.odoobridge");
        }
    }

    @Test
    void cookiesAreHttpOnlyLaxScopedToTheMountAndSecureByDefault() throws Exception {
        try (PortalHarness secure = PortalHarness.start(cfg -> cfg.withSecureCookies(true))) {
            RawClient c = new RawClient(secure.base);
            HttpResponse<String> page = c.get("/signin");
            String cookie = page.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("portal_presession="))
                    .findFirst().orElseThrow();
            assertThat(cookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax")
                    .contains("Path=/portal");
        }
        RawClient c = client();
        c.signIn(h, PortalHarness.BETA_EMAIL);
        assertThat(h.count("portal_sessions")).isPositive();
        // only the hash of the id is stored
        try (var conn = h.db.dataSource().getConnection(); var s = conn.createStatement();
             var rs = s.executeQuery("SELECT encode(id_hash, 'hex') FROM portal_sessions")) {
            while (rs.next()) {
                assertThat(rs.getString(1)).isNotEqualTo(c.cookies.get("portal_session")).hasSize(64);
            }
        }
    }
}
