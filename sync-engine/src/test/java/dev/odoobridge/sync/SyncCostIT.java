package dev.odoobridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a full run and a reconciliation cost in calls on tables of 10,000 and 100,000 records. */
class SyncCostIT {
    @RegisterExtension
    final Fixtures fixtures = new Fixtures();

    @Test
    void aFullPageCostsOneCallWhenSecondsAreSmallerThanAPage() {
        Fixture f = fixtures.open();
        Instant start = f.clock.instant();
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            // about 4 rows per second, random microseconds inside the second
            Instant at = start.plusSeconds(i / 4).plusNanos(random.nextInt(1_000_000) * 1000L);
            f.insertAt(f.product("p" + i, i % 100, 0), at);
        }
        f.clock.advance(Duration.ofHours(1));
        f.resetCalls();

        SyncReport report = f.engine("a", 500).build().run(SyncRequest.full().withModels(Fixture.PRODUCT));

        ModelReport m = report.get(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow();
        System.out.printf("full sync of 10,000 rows, 4 per second, page 500: %d calls (%d search_read, %d reads in all), %d rows read%n",
                m.counts().calls(), f.calls("search_read"), f.readCalls(), m.counts().read());
        assertThat(report.outcome()).isEqualTo(Outcome.OK);
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
        // each page hands over 496 of its 500 rows and the next page starts at its last second
        assertThat(f.calls("search_read")).isBetween(20L, 22L);
        // plus the reconciliation of a full run: one search for the highest id, one search_count
        assertThat(m.counts().calls()).isEqualTo(f.readCalls()).isLessThanOrEqualTo(f.calls("search_read") + 2);
        assertThat(m.counts().read()).isBetween(10_000L, 10_000L + 21 * 4);
    }

    @Test
    void reconciliationCostIsProportionalToTheDifferencesNotTheTableSize() {
        Fixture f = fixtures.open();
        Instant t = f.clock.instant();
        for (int i = 0; i < 100_000; i++) {
            // one record every 100 ms: the 10-minute overlap re-reads only the newest 6,000
            f.insertAt(f.product("p" + i, i % 100, 0), t.plusMillis(i * 100L));
        }
        f.clock.advance(Duration.ofHours(3));
        SyncRequest products = SyncRequest.incremental().withModels(Fixture.PRODUCT);
        assertThat(f.engine("a", 200_000).build().run(products).outcome()).isEqualTo(Outcome.OK);
        SyncEngine engine = f.engine("a", 5000).reconcileRangeSize(1000).build();
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            List<Long> ids = f.ids(Fixture.PRODUCT);
            f.unlink(Fixture.PRODUCT, Fixture.pick(ids, random));
        }
        f.resetCalls();
        SyncReport report = engine.run(SyncRequest.incremental().withModels(Fixture.PRODUCT).withReconcile(true));
        ModelReport m = report.get(Fixture.SOURCE, Fixture.PRODUCT).orElseThrow();
        long counts = f.calls("search_count");
        long searches = f.calls("search");
        System.out.printf("reconcile of 100,000 rows with 10 deletions: %d search_count, %d search, %d search_read, %d read, %d calls%n",
                counts, searches, f.calls("search_read"), f.calls("read"), m.counts().calls());
        assertThat(m.counts().deleted()).isEqualTo(10);
        // depth of bisection from 100,000 to 1,000 ids is 7: at most 2 counts per level per difference, plus the root
        assertThat(counts).isLessThanOrEqualTo(1 + 10 * 2 * 7);
        assertThat(searches).isLessThanOrEqualTo(1 + 10);
        assertThat(f.calls("read")).as("nothing was missing, nothing fetched").isZero();
        assertThat(m.counts().read()).as("only the overlap window is re-read").isBetween(6_000L, 6_100L);
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
    }
}
