package dev.odoobridge.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.sync.state.StateDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many attacker vendors guess one-time codes for many partners from many threads at once, with
 * the codes kept in PostgreSQL: no challenge evaluates more than {@code maxAttempts} guesses,
 * the per-vendor and per-partner rate limits (interval and daily cap) hold under concurrent
 * requests, random guessing links nothing, and legitimate vendors still link.
 */
class OtpBruteForceIT {
    static final String SOURCE = "shop";
    static final int PARTNERS = 30;
    static final int ATTACKERS = 12;
    static final int THREADS = 16;
    static final OtpPolicy POLICY = OtpPolicy.DEFAULT;
    static final Pattern CODE = Pattern.compile(">(\\d{6})<");
    static final byte[] SECRET = "brute-force-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static StateDatabase db;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    final Map<String, String> mailbox = new ConcurrentHashMap<>(); // email -> newest code
    final PartnerDirectory directory = new PartnerDirectory() {
        @Override
        public Optional<Partner> find(String source, long partnerId) {
            return partnerId >= 1 && partnerId <= 1000 ? Optional.of(new Partner(partnerId, "Partner " + partnerId,
                    "p" + partnerId + "@vendors.example")) : Optional.empty();
        }

        @Override
        public java.util.List<Partner> findByEmail(String source, String email) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("p(\\d{1,4})@vendors\\.example").matcher(email);
            return m.matches() ? find(source, Long.parseLong(m.group(1))).stream().toList() : java.util.List.of();
        }

        @Override
        public boolean hasSource(String source) {
            return source.equals(SOURCE);
        }
    };
    final OtpMailer mailer = (source, to, subject, body) -> {
        Matcher m = CODE.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no code in the mail body");
        }
        mailbox.put(to, m.group(1));
    };

    @BeforeAll
    static void start() {
        db = StateDatabase.embedded(dir.resolve("pg"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    VendorLinking linking() {
        return new VendorLinking(VendorStores.postgres(db), directory, mailer, SECRET, POLICY,
                VendorLinking.DeliveryTarget.PARTNER, clock);
    }

    @Test
    void concurrentGuessesNeverExceedTheAttemptCap() throws Exception {
        VendorLinking linking = linking();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            int accepted = 0;
            for (int i = 0; i < 8; i++) {
                String vendor = "race-" + i + "@attack.example";
                long partner = 500 + i;
                linking.requestLink(vendor, SOURCE, partner, null);
                String code = mailbox.get("p" + partner + "@vendors.example");
                String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
                List<Callable<Guess>> guesses = new ArrayList<>();
                for (int g = 0; g < 24; g++) {
                    String guess = g == 23 - i ? code : wrong; // the right code somewhere late in the burst
                    guesses.add(() -> Guess.of(linking, vendor, guess));
                }
                List<Guess> results = new ArrayList<>();
                for (Future<Guess> f : pool.invokeAll(guesses)) {
                    results.add(f.get());
                }
                long evaluated = results.stream().filter(Guess::evaluated).count();
                assertThat(evaluated).as("guesses compared against challenge %d: %s", i, results)
                        .isLessThanOrEqualTo(POLICY.maxAttempts());
                accepted += (int) results.stream().filter(Guess::accepted).count();
            }
            // the right code came last in each burst but threads race: it may win only within the first maxAttempts
            assertThat(accepted).isLessThanOrEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bruteForceAcrossManyVendorsAndPartnersHoldsTheLimits() throws Exception {
        VendorLinking linking = linking();
        Random random = new Random(20260302);
        Map<String, List<Instant>> issuedToVendor = new ConcurrentHashMap<>();
        Map<Long, List<Instant>> issuedToPartner = new ConcurrentHashMap<>();
        AtomicInteger evaluatedOverCap = new AtomicInteger();
        AtomicInteger guessed = new AtomicInteger();
        AtomicInteger links = new AtomicInteger();
        int challenges = 0;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < POLICY.dailyCap() + 4; round++) {
                // every attacker asks for three partners at once (one may pass the interval limit), partners overlap
                List<Callable<LinkChallenge>> requests = new ArrayList<>();
                for (int a = 0; a < ATTACKERS; a++) {
                    String vendor = "attacker-" + a + "@evil.example";
                    for (int k = 0; k < 3; k++) {
                        long partner = 1 + random.nextInt(PARTNERS);
                        requests.add(() -> request(linking, vendor, partner));
                    }
                }
                Instant now = clock.instant();
                for (Future<LinkChallenge> f : pool.invokeAll(requests)) {
                    LinkChallenge c = f.get();
                    if (c != null) {
                        challenges++;
                        issuedToVendor.computeIfAbsent(c.vendor(), v -> new ArrayList<>()).add(now);
                        issuedToPartner.computeIfAbsent(c.partnerId(), p -> new ArrayList<>()).add(now);
                    }
                }
                // every attacker fires 2 x maxAttempts random guesses concurrently at its newest challenge
                List<Callable<Guess>> guesses = new ArrayList<>();
                Map<String, AtomicInteger> evaluatedPerVendor = new ConcurrentHashMap<>();
                for (int a = 0; a < ATTACKERS; a++) {
                    String vendor = "attacker-" + a + "@evil.example";
                    for (int g = 0; g < 2 * POLICY.maxAttempts(); g++) {
                        String guess = String.format("%06d", random.nextInt(1_000_000));
                        guesses.add(() -> {
                            Guess r = Guess.of(linking, vendor, guess);
                            if (r.evaluated()) {
                                evaluatedPerVendor.computeIfAbsent(vendor, v -> new AtomicInteger()).incrementAndGet();
                            }
                            return r;
                        });
                    }
                }
                for (Future<Guess> f : pool.invokeAll(guesses)) {
                    Guess g = f.get();
                    guessed.incrementAndGet();
                    if (g.accepted()) {
                        links.incrementAndGet();
                    }
                }
                evaluatedPerVendor.values().forEach(n -> {
                    if (n.get() > POLICY.maxAttempts()) {
                        evaluatedOverCap.incrementAndGet();
                    }
                });
                clock.advance(POLICY.minInterval().plusSeconds(1));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(evaluatedOverCap.get()).as("challenges that compared more than %d guesses", POLICY.maxAttempts()).isZero();
        for (Map.Entry<String, List<Instant>> e : issuedToVendor.entrySet()) {
            assertThat(e.getValue()).as("codes for %s in one day", e.getKey()).hasSizeLessThanOrEqualTo(POLICY.dailyCap());
            assertThat(e.getValue()).as("codes for %s in one round", e.getKey()).doesNotHaveDuplicates();
        }
        for (Map.Entry<Long, List<Instant>> e : issuedToPartner.entrySet()) {
            assertThat(e.getValue()).as("codes for partner %d in one day", e.getKey()).hasSizeLessThanOrEqualTo(POLICY.dailyCap());
            assertThat(e.getValue()).as("codes for partner %d in one round", e.getKey()).doesNotHaveDuplicates();
        }
        // each challenge compares at most 5 guesses out of 10^6 codes: expected successes = challenges * 5e-6
        double expected = challenges * POLICY.maxAttempts() / 1e6;
        assertThat(expected).isLessThan(0.01);
        assertThat(links.get()).as("links won by guessing (expected %.4f over %d challenges)", expected, challenges)
                .isLessThanOrEqualTo(1);
        assertThat(linking.allLinks()).filteredOn(l -> l.vendor().startsWith("attacker-")).hasSize(links.get());

        // the next day legitimate vendors link to partners the attackers did not exhaust, and to attacked ones
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        for (int v = 0; v < 5; v++) {
            String vendor = "legit-" + v + "@vendors.example";
            long partner = v < 3 ? 100 + v : 1 + v;
            LinkChallenge c = linking.requestLink(vendor, SOURCE, partner, null);
            String code = mailbox.get("p" + partner + "@vendors.example");
            assertThat(linking.confirm(vendor, code).partnerId()).isEqualTo(c.partnerId());
            clock.advance(POLICY.minInterval().plusSeconds(1));
        }
        assertThat(linking.allLinks()).filteredOn(l -> l.vendor().startsWith("legit-")).hasSize(5);
        System.out.printf("otp brute force: %d challenges, %d guesses, %d links by guessing%n", challenges, guessed.get(), links.get());
    }

    private static LinkChallenge request(VendorLinking linking, String vendor, long partner) {
        try {
            return linking.requestLink(vendor, SOURCE, partner, null);
        } catch (VendorLinkException e) {
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(VendorLinkException.Reason.RATE_LIMITED);
            return null;
        }
    }

    /** One guess's outcome; evaluated when the code was actually compared with the challenge's. */
    record Guess(boolean accepted, VendorLinkException.Reason refused, String message) {
        static Guess of(VendorLinking linking, String vendor, String code) {
            try {
                linking.confirm(vendor, code);
                return new Guess(true, null, "linked");
            } catch (VendorLinkException e) {
                return new Guess(false, e.reason(), e.getMessage());
            }
        }

        boolean evaluated() {
            return accepted || refused == VendorLinkException.Reason.WRONG_CODE
                    || refused == VendorLinkException.Reason.TOO_MANY_ATTEMPTS && message.startsWith("wrong code");
        }
    }
}
