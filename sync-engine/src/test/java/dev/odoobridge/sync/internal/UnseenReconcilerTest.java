package dev.odoobridge.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.sync.testing.FakeClock;
import dev.odoobridge.sync.testing.FakeOdoo;
import dev.odoobridge.sync.testing.InMemoryProjector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnseenReconcilerTest {
    private static final String SOURCE = "shop";
    private static final String MODEL = "product.product";

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeOdoo odoo = new FakeOdoo(clock).model(MODEL, true);
    private final InMemoryProjector projector = new InMemoryProjector();
    private final OdooReads reads = new OdooReads(odoo.client().model(MODEL), List.of("name"), clock);

    private Optional<Reconciler.Result> reconcile(UnseenReconciler unseen) {
        Reconciler ranges = new Reconciler(reads, projector, SOURCE, 10, true);
        return unseen.run(reads, projector, SOURCE, ranges,
                page -> projector.apply(SOURCE, MODEL, page.rows(), page.sentAt()));
    }

    private List<OdooRecord> all() {
        return odoo.client().model(MODEL).searchRead(Domains.all(), reads.fields(), SearchOptions.DEFAULT.includeArchived());
    }

    private void products(int n) {
        for (int i = 0; i < n; i++) {
            clock.tick(1_000);
            odoo.create(MODEL, Map.of("name", "p" + i));
        }
        projector.apply(SOURCE, MODEL, all(), clock.instant());
    }

    @Test
    void deletesOnlyUnseenDocumentsThatOdooNoLongerHas() {
        products(100);
        UnseenReconciler unseen = new UnseenReconciler();
        // the whole read saw every record but 5, 17 and 42: 5 and 42 were deleted before the read
        // reached them, 17 was created after (say) and applied by a webhook, so Odoo still has it
        odoo.unlink(MODEL, 5);
        odoo.unlink(MODEL, 42);
        unseen.saw(all().stream().filter(r -> r.id() != 17).toList());
        odoo.resetCalls();

        Reconciler.Result result = reconcile(unseen).orElseThrow();

        assertThat(result.extraInMongo()).containsExactly(5L, 42L);
        assertThat(result.deleted()).isEqualTo(2);
        assertThat(result.missingInMongo()).isEmpty();
        assertThat(projector.documents(SOURCE, MODEL)).doesNotContainKeys(5L, 42L).containsKey(17L).hasSize(98);
        // the highest id, one search for the three unseen stored ids, one Odoo count for the one span of
        // ids (it matches: no count on the read model, no bisection)
        assertThat(odoo.calls("search")).isEqualTo(2);
        assertThat(odoo.calls("search_count")).isEqualTo(1);
    }

    @Test
    void nothingUnseenMeansNothingToAsk() {
        products(50);
        UnseenReconciler unseen = new UnseenReconciler();
        unseen.saw(all());
        odoo.resetCalls();
        Reconciler.Result result = reconcile(unseen).orElseThrow();
        assertThat(result.deleted()).isZero();
        assertThat(odoo.calls("search")).isEqualTo(1);
        assertThat(odoo.calls("search_count")).isEqualTo(1);
        assertThat(projector.documents(SOURCE, MODEL)).hasSize(50);
    }

    @Test
    void recordsDeletedInOdooAfterTheReadSawThemAreFoundByTheOdooCountOfTheirSpan() {
        products(300);
        UnseenReconciler unseen = new UnseenReconciler();
        unseen.saw(all());
        odoo.unlink(MODEL, 7);
        odoo.unlink(MODEL, 250);

        Reconciler.Result result = reconcile(unseen).orElseThrow();

        assertThat(result.extraInMongo()).containsExactlyInAnyOrder(7L, 250L);
        assertThat(result.deleted()).isEqualTo(2);
        assertThat(projector.documents(SOURCE, MODEL)).doesNotContainKeys(7L, 250L).hasSize(298);
    }

    @Test
    void declinesWhenMoreThanAQuarterOfTheIdsWentUnseenOrIdsAreTooHigh() {
        products(100);
        UnseenReconciler sparse = new UnseenReconciler();
        sparse.saw(all().stream().filter(r -> r.id() % 2 == 0).toList());
        assertThat(reconcile(sparse)).isEmpty();

        UnseenReconciler high = new UnseenReconciler();
        high.saw(List.of(OdooRecord.of(Map.of("id", UnseenReconciler.MAX_TRACKED_ID + 1))));
        assertThat(reconcile(high)).isEmpty();
        assertThat(projector.documents(SOURCE, MODEL)).as("declining deletes nothing").hasSize(100);
    }
}
