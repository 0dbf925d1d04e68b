package dev.odoobridge.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.spi.OdooClientListener;
import dev.odoobridge.sync.testing.FakeClock;
import dev.odoobridge.sync.testing.InMemoryProjector;
import dev.odoobridge.testkit.FakeOdoo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnseenReconcilerTest {
    private static final String SOURCE = "shop";
    private static final String MODEL = "res.partner";

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeOdoo fake = FakeOdoo.builder().clock(clock).build().start();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final OdooClient odoo = OdooClients.create(fake.config(Transport.JSON2, FakeOdoo.ADMIN).toBuilder()
            .listener(new OdooClientListener() {
                @Override
                public void requestStarted(CallInfo call) {
                    calls.computeIfAbsent(call.method(), m -> new AtomicLong()).incrementAndGet();
                }
            }).build());
    private final InMemoryProjector projector = new InMemoryProjector();
    private final OdooReads reads = new OdooReads(odoo.model(MODEL), List.of("name"), clock);
    private final List<Long> ids = new ArrayList<>();

    @AfterEach
    void stop() {
        odoo.close();
        fake.close();
    }

    private Optional<Reconciler.Result> reconcile(UnseenReconciler unseen) {
        Reconciler ranges = new Reconciler(reads, projector, SOURCE, 10, true);
        return unseen.run(reads, projector, SOURCE, ranges,
                page -> projector.apply(SOURCE, MODEL, page.rows(), page.sentAt()));
    }

    private List<OdooRecord> all() {
        return odoo.model(MODEL).searchRead(Domains.all(), reads.fields(), SearchOptions.DEFAULT.includeArchived());
    }

    /** Odoo's partners (the users' included) plus {@code n} new ones, all in the read model. */
    private void partners(int n) {
        for (int i = 0; i < n; i++) {
            clock.tick(1_000);
            ids.add(fake.orm().insert(MODEL, Map.of("name", "p" + i)));
        }
        projector.apply(SOURCE, MODEL, all(), clock.instant());
    }

    /** The id of the {@code n}th partner created by {@link #partners}, from 1. */
    private long partner(int n) {
        return ids.get(n - 1);
    }

    private void unlink(long... partnerIds) {
        for (long id : partnerIds) {
            odoo.model(MODEL).unlink(List.of(id));
        }
    }

    private long calls(String method) {
        AtomicLong n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    @Test
    void deletesOnlyUnseenDocumentsThatOdooNoLongerHas() {
        partners(100);
        int stored = projector.documents(SOURCE, MODEL).size();
        UnseenReconciler unseen = new UnseenReconciler();
        // the whole read saw every record but three: two were deleted before the read reached them, the
        // third was created after (say) and applied by a webhook, so Odoo still has it
        long deleted1 = partner(5);
        long deleted2 = partner(42);
        long createdLate = partner(17);
        unlink(deleted1, deleted2);
        unseen.saw(all().stream().filter(r -> r.id() != createdLate).toList());
        calls.clear();

        Reconciler.Result result = reconcile(unseen).orElseThrow();

        assertThat(result.extraInMongo()).containsExactly(deleted1, deleted2);
        assertThat(result.deleted()).isEqualTo(2);
        assertThat(result.missingInMongo()).isEmpty();
        assertThat(projector.documents(SOURCE, MODEL)).doesNotContainKeys(deleted1, deleted2).containsKey(createdLate)
                .hasSize(stored - 2);
        // the highest id, one search for the three unseen stored ids, one Odoo count for the one span of
        // ids (it matches: no count on the read model, no bisection)
        assertThat(calls("search")).isEqualTo(2);
        assertThat(calls("search_count")).isEqualTo(1);
        assertThat(calls.keySet()).isEqualTo(Set.of("search", "search_count"));
    }

    @Test
    void nothingUnseenMeansNothingToAsk() {
        partners(50);
        int stored = projector.documents(SOURCE, MODEL).size();
        UnseenReconciler unseen = new UnseenReconciler();
        unseen.saw(all());
        calls.clear();
        Reconciler.Result result = reconcile(unseen).orElseThrow();
        assertThat(result.deleted()).isZero();
        assertThat(calls("search")).isEqualTo(1);
        assertThat(calls("search_count")).isEqualTo(1);
        assertThat(projector.documents(SOURCE, MODEL)).hasSize(stored);
    }

    @Test
    void recordsDeletedInOdooAfterTheReadSawThemAreFoundByTheOdooCountOfTheirSpan() {
        partners(300);
        int stored = projector.documents(SOURCE, MODEL).size();
        UnseenReconciler unseen = new UnseenReconciler();
        unseen.saw(all());
        unlink(partner(7), partner(250));

        Reconciler.Result result = reconcile(unseen).orElseThrow();

        assertThat(result.extraInMongo()).containsExactlyInAnyOrder(partner(7), partner(250));
        assertThat(result.deleted()).isEqualTo(2);
        assertThat(projector.documents(SOURCE, MODEL)).doesNotContainKeys(partner(7), partner(250)).hasSize(stored - 2);
    }

    @Test
    void declinesWhenMoreThanAQuarterOfTheIdsWentUnseenOrIdsAreTooHigh() {
        partners(100);
        int stored = projector.documents(SOURCE, MODEL).size();
        UnseenReconciler sparse = new UnseenReconciler();
        sparse.saw(all().stream().filter(r -> r.id() % 2 == 0).toList());
        assertThat(reconcile(sparse)).isEmpty();

        UnseenReconciler high = new UnseenReconciler();
        high.saw(List.of(OdooRecord.of(Map.of("id", UnseenReconciler.MAX_TRACKED_ID + 1))));
        assertThat(reconcile(high)).isEmpty();
        assertThat(projector.documents(SOURCE, MODEL)).as("declining deletes nothing").hasSize(stored);
    }
}
