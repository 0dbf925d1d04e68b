package dev.odoobridge.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link VendorStore} must do; subclasses supply the store. Names are unique per test. */
abstract class VendorStoreContract {
    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    final String vendor = "v-" + UUID.randomUUID() + "@example.com";
    final String source = "shop-" + UUID.randomUUID().toString().substring(0, 8);

    /** A store; may be shared with other tests (they use other names). */
    abstract VendorStore store();

    VendorStore.Challenge challenge(String id, long partner, Instant created) {
        return new VendorStore.Challenge(id, vendor, source, partner, new byte[] {1, 2, 3, (byte) 0xff}, created,
                created.plus(Duration.ofMinutes(10)), 0, null);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void latestChallengeIsTheNewestOfTheVendor() {
        assertThat(store().latestChallenge(vendor)).isEmpty();
        String older = id();
        String newer = id();
        store().insertChallenge(challenge(older, 7, T0));
        store().insertChallenge(challenge(newer, 8, T0.plusSeconds(90)));
        VendorStore.Challenge c = store().latestChallenge(vendor).orElseThrow();
        assertThat(c.id()).isEqualTo(newer);
        assertThat(c.partnerId()).isEqualTo(8);
        assertThat(c.source()).isEqualTo(source);
        assertThat(c.codeHash()).containsExactly(1, 2, 3, 0xff);
        assertThat(c.createdAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(c.expiresAt()).isEqualTo(T0.plusSeconds(90).plus(Duration.ofMinutes(10)));
        assertThat(c.attempts()).isZero();
        assertThat(c.usedAt()).isNull();
    }

    @Test
    void aDeletedChallengeIsGoneAndCountsNoMore() {
        String id = id();
        store().insertChallenge(challenge(id, 7, T0));
        assertThat(store().deleteChallenge(id)).isTrue();
        assertThat(store().deleteChallenge(id)).isFalse();
        assertThat(store().latestChallenge(vendor)).isEmpty();
        assertThat(store().lastChallengeAt(vendor, source, 7)).isEmpty();
        assertThat(store().challengesForVendorSince(vendor, T0.minusSeconds(1))).isZero();
    }

    @Test
    void failedAttemptsCountUp() {
        String id = id();
        store().insertChallenge(challenge(id, 7, T0));
        assertThat(store().recordFailedAttempt(id)).isEqualTo(1);
        assertThat(store().recordFailedAttempt(id)).isEqualTo(2);
        assertThat(store().latestChallenge(vendor).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void markUsedSucceedsOnce() {
        String id = id();
        store().insertChallenge(challenge(id, 7, T0));
        assertThat(store().markUsed(id, T0.plusSeconds(5))).isTrue();
        assertThat(store().markUsed(id, T0.plusSeconds(6))).isFalse();
        VendorStore.Challenge used = store().latestChallenge(vendor).orElseThrow();
        assertThat(used.usedAt()).as("used challenges stay visible with their time").isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void markUsedIsAtomicUnderConcurrency() throws Exception {
        String id = id();
        store().insertChallenge(challenge(id, 7, T0));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return store().markUsed(id, T0.plusSeconds(1));
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rateLimitCountsAndLastChallenge() {
        store().insertChallenge(challenge(id(), 7, T0));
        store().insertChallenge(challenge(id(), 7, T0.plus(Duration.ofHours(2))));
        store().insertChallenge(challenge(id(), 8, T0.plus(Duration.ofHours(3))));
        assertThat(store().challengesForVendorSince(vendor, T0)).isEqualTo(3);
        assertThat(store().challengesForVendorSince(vendor, T0.plusSeconds(1))).isEqualTo(2);
        assertThat(store().challengesForPartnerSince(source, 7, T0)).isEqualTo(2);
        assertThat(store().challengesForPartnerSince(source, 7, T0.plus(Duration.ofHours(2)))).isEqualTo(1);
        assertThat(store().challengesForPartnerSince("other-" + source, 7, T0)).isZero();
        assertThat(store().lastChallengeAt(vendor, source, 99)).contains(T0.plus(Duration.ofHours(3)));
        assertThat(store().lastChallengeAt("someone-else-" + vendor, source, 7)).contains(T0.plus(Duration.ofHours(2)));
        assertThat(store().lastChallengeAt("someone-else-" + vendor, source, 99)).isEmpty();
    }

    @Test
    void linksAreSavedRefreshedListedAndDeleted() {
        assertThat(store().links(vendor)).isEmpty();
        VendorLink a = new VendorLink(vendor, source, 7, T0, vendor);
        VendorLink b = new VendorLink(vendor, source, 8, T0.plusSeconds(1), "operator");
        store().saveLink(a);
        store().saveLink(b);
        VendorLink refreshed = new VendorLink(vendor, source, 7, T0.plusSeconds(60), "operator");
        store().saveLink(refreshed);
        assertThat(store().links(vendor)).containsExactlyInAnyOrder(refreshed, b);
        assertThat(store().allLinks()).contains(refreshed, b).doesNotContain(a);
        assertThat(store().deleteLink(vendor, source, 7)).isTrue();
        assertThat(store().deleteLink(vendor, source, 7)).isFalse();
        assertThat(store().links(vendor)).containsExactly(b);
        assertThat(store().links("other-" + vendor)).isEmpty();
    }

    @Test
    void auditAcceptsEventsWithoutPartner() {
        store().audit(vendor, null, null, "refused", "NO_CHALLENGE", T0);
        store().audit(vendor, source, 7L, "linked", null, T0);
        assertThat(store().links(vendor)).isEmpty();
    }

    @Test
    void auditEventsAreFilteredAndNewestFirst() {
        store().audit(vendor, source, 7L, "link_requested", "to o***@acme.example", T0);
        store().audit(vendor, source, 7L, "linked", null, T0.plusSeconds(60));
        store().audit(vendor, null, null, "signin", "code", T0.plusSeconds(120));
        store().audit("other-" + vendor, source, 8L, "linked", null, T0.plusSeconds(30));
        List<VendorStore.AuditEvent> mine = store().auditEvents(new VendorStore.AuditQuery(vendor, null, null, 100));
        assertThat(mine).extracting(VendorStore.AuditEvent::event).containsExactly("signin", "linked", "link_requested");
        assertThat(mine.get(1).partnerId()).isEqualTo(7L);
        assertThat(mine.get(0).partnerId()).isNull();
        assertThat(store().auditEvents(new VendorStore.AuditQuery(vendor, source, T0.plusSeconds(1), 100)))
                .extracting(VendorStore.AuditEvent::event).containsExactly("linked");
        assertThat(store().auditEvents(new VendorStore.AuditQuery(vendor, null, null, 1)))
                .extracting(VendorStore.AuditEvent::event).containsExactly("signin");
        assertThat(store().auditEvents(new VendorStore.AuditQuery(null, source, T0.plusSeconds(30), 100)))
                .extracting(VendorStore.AuditEvent::vendor).contains(vendor, "other-" + vendor);
    }
}
