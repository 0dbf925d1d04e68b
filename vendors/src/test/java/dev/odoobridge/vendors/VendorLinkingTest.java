package dev.odoobridge.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.vendors.VendorLinkException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VendorLinkingTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Pattern CODE = Pattern.compile("<b style=\"[^\"]*\">(\\d{6})</b>");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final InMemoryVendorStore store = new InMemoryVendorStore();
    private final List<String[]> mails = new ArrayList<>();
    private final PartnerDirectory directory = new PartnerDirectory() {
        private final Map<Long, Partner> partners = Map.of(
                7L, new Partner(7, "Acme Supplies", "orders@acme.example"),
                8L, new Partner(8, "Beta Foods", "sales@beta.example"),
                9L, new Partner(9, "No Mail Ltd", null));

        @Override
        public Optional<Partner> find(String source, long partnerId) {
            return Optional.ofNullable(partners.get(partnerId));
        }

        @Override
        public List<Partner> findByEmail(String source, String email) {
            return partners.values().stream().filter(p -> p.email() != null && p.email().equalsIgnoreCase(email)).toList();
        }

        @Override
        public boolean hasSource(String source) {
            return source.equals("shop");
        }
    };
    private VendorLinking linking;

    @BeforeEach
    void setUp() {
        linking = new VendorLinking(store, directory, (source, to, subject, body) -> mails.add(new String[] {to, body}),
                SECRET, OtpPolicy.DEFAULT, VendorLinking.DeliveryTarget.PARTNER, clock);
    }

    private String lastCode() {
        Matcher m = CODE.matcher(mails.get(mails.size() - 1)[1]);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void linksWithTheMailedCode() {
        LinkChallenge c = linking.requestLink("ann@acme.example", "shop", 7, null);
        assertThat(c.sentTo()).isEqualTo("o***@acme.example");
        assertThat(mails.get(0)[0]).isEqualTo("orders@acme.example");
        assertThat(c.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        VendorLink link = linking.confirm("ann@acme.example", lastCode());
        assertThat(link.partnerId()).isEqualTo(7);
        assertThat(linking.links("ann@acme.example")).containsExactly(link);
    }

    @Test
    void codeExpiresAfterTenMinutes() {
        linking.requestLink("ann", "shop", 7, null);
        String code = lastCode();
        clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> linking.confirm("ann", code))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
        assertThat(linking.links("ann")).isEmpty();
    }

    @Test
    void codeWorksOnlyOnce() {
        linking.requestLink("ann", "shop", 7, null);
        String code = lastCode();
        linking.confirm("ann", code);
        assertThatThrownBy(() -> linking.confirm("ann", code))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_USED));
    }

    @Test
    void fiveWrongAttemptsKillTheCode() {
        linking.requestLink("ann", "shop", 7, null);
        String code = lastCode();
        for (int i = 1; i <= 4; i++) {
            int left = 5 - i;
            assertThatThrownBy(() -> linking.confirm("ann", wrong(code)))
                    .isInstanceOfSatisfying(VendorLinkException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.WRONG_CODE);
                        assertThat(e.getMessage()).contains(left + " attempt");
                    });
        }
        assertThatThrownBy(() -> linking.confirm("ann", wrong(code)))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ATTEMPTS));
        assertThatThrownBy(() -> linking.confirm("ann", code))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ATTEMPTS));
        assertThat(linking.links("ann")).isEmpty();
    }

    @Test
    void rateLimitedPerVendorAndPerPartner() {
        linking.requestLink("ann", "shop", 7, null);
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> linking.requestLink("ann", "shop", 8, null))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Instant.parse("2026-11-21T10:01:00Z"));
                });
        assertThatThrownBy(() -> linking.requestLink("bob", "shop", 7, null))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));
        clock.advance(Duration.ofSeconds(31));
        assertThat(linking.requestLink("bob", "shop", 7, null).partnerId()).isEqualTo(7);
    }

    @Test
    void aFailedDeliveryConsumesNoRateLimitAndLeavesNoChallenge() {
        VendorLinking failing = new VendorLinking(store, directory, (source, to, subject, body) -> {
            throw new IllegalStateException("Odoo refused the mail");
        }, SECRET, OtpPolicy.DEFAULT, VendorLinking.DeliveryTarget.PARTNER, clock);
        assertThatThrownBy(() -> failing.requestLink("ann", "shop", 7, null))
                .isInstanceOf(IllegalStateException.class).hasMessage("Odoo refused the mail");
        assertThat(store.latestChallenge("ann")).isEmpty();
        assertThatThrownBy(() -> linking.confirm("ann", "123456"))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_CHALLENGE));
        // no time passed: the retry is not rate limited and its code works
        linking.requestLink("ann", "shop", 7, null);
        assertThat(linking.confirm("ann", lastCode()).partnerId()).isEqualTo(7);
    }

    @Test
    void dailyCapHolds() {
        for (int i = 0; i < 10; i++) {
            linking.requestLink("ann", "shop", 7, null);
            clock.advance(Duration.ofMinutes(2));
        }
        assertThatThrownBy(() -> linking.requestLink("ann", "shop", 8, null))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
                    assertThat(e.getMessage()).contains("daily limit");
                });
        clock.advance(Duration.ofDays(1));
        assertThat(linking.requestLink("ann", "shop", 8, null)).isNotNull();
    }

    @Test
    void unknownPartnerSourceAndMissingEmailAreRefused() {
        assertThatThrownBy(() -> linking.requestLink("ann", "shop", 404, null))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PARTNER));
        assertThatThrownBy(() -> linking.requestLink("ann", "other", 7, null))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SOURCE));
        assertThatThrownBy(() -> linking.requestLink("cid", "shop", 9, null))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_EMAIL));
        assertThat(mails).isEmpty();
    }

    @Test
    void aCodeIsBoundToItsVendor() {
        linking.requestLink("ann", "shop", 7, null);
        String annsCode = lastCode();
        clock.advance(Duration.ofMinutes(2));
        linking.requestLink("mallory", "shop", 8, null);
        assertThatThrownBy(() -> linking.confirm("mallory", annsCode.equals(lastCode()) ? wrong(annsCode) : annsCode))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_CODE));
        assertThatThrownBy(() -> linking.confirm("nobody", annsCode))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_CHALLENGE));
    }

    @Test
    void revokedLinksDisappear() {
        linking.requestLink("ann", "shop", 7, null);
        linking.confirm("ann", lastCode());
        linking.unlink("ann", "shop", 7, "ops");
        assertThat(linking.links("ann")).isEmpty();
        assertThatThrownBy(() -> linking.unlink("ann", "shop", 7, "ops"))
                .isInstanceOfSatisfying(VendorLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_LINKED));
    }

    @Test
    void theCodeIsNeitherStoredNorAudited() {
        linking.requestLink("ann", "shop", 7, null);
        String code = lastCode();
        assertThatThrownBy(() -> linking.confirm("ann", wrong(code))).isInstanceOf(VendorLinkException.class);
        StringBuilder state = new StringBuilder(String.join("\n", store.audit));
        store.challenges.values().forEach(c -> state.append(c).append(HexFormat.of().formatHex(c.codeHash())));
        assertThat(state.toString()).doesNotContain(code);
        assertThat(store.challenges.values()).allSatisfy(c -> assertThat(c.codeHash()).hasSize(32));
    }

    @Test
    void shortSecretsAreRejected() {
        assertThatThrownBy(() -> new VendorLinking(store, directory, (s, t, u, b) -> { }, new byte[8],
                OtpPolicy.DEFAULT, VendorLinking.DeliveryTarget.PARTNER, clock))
                .hasMessageContaining("at least 16 bytes");
    }

    @Test
    void shopDeliveryUsesTheShopAddress() {
        VendorLinking viaShop = new VendorLinking(store, directory,
                (source, to, subject, body) -> mails.add(new String[] {to, body}), SECRET, OtpPolicy.DEFAULT,
                VendorLinking.DeliveryTarget.SHOP, clock);
        viaShop.requestLink("cid", "shop", 9, "shop@example.com");
        assertThat(mails.get(0)[0]).isEqualTo("shop@example.com");
    }

    /** A clock tests can move. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
