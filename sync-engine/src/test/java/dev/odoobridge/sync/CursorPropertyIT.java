package dev.odoobridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the rows, their spread over seconds (many per second, ids descending inside a second),
 * the page size and the writes that land between the engine's reads, a sync followed by an
 * incremental run leaves the read model equal to Odoo.
 */
class CursorPropertyIT {

    @Property(tries = 100)
    void syncThenIncrementalMirrorsOdoo(@ForAll @IntRange(min = 1, max = 12) int pageSize,
                                        @ForAll @IntRange(min = 0, max = 80) int rows,
                                        @ForAll @IntRange(min = 1, max = 4) int seconds,
                                        @ForAll @IntRange(min = 0, max = 40) int concurrentWritePercent,
                                        @ForAll long seed) {
        try (Fixture f = new Fixture()) {
            run(f, pageSize, rows, seconds, concurrentWritePercent, seed);
        }
    }

    private static void run(Fixture f, int pageSize, int rows, int seconds, int concurrentWritePercent, long seed) {
        Random random = new Random(seed);
        Instant base = f.clock.instant();
        for (int i = 0; i < rows; i++) {
            // ids grow while the hidden microseconds are random inside a few seconds: ids come out of order
            Instant at = base.plusSeconds(random.nextInt(seconds)).plusNanos(random.nextInt(1_000_000) * 1000L);
            f.insertAt(f.product("p" + i, random.nextInt(100), random.nextInt(3)), at);
        }
        f.clock.advance(Duration.ofSeconds(seconds));
        List<Long> ids = f.ids(Fixture.PRODUCT);
        f.beforeEachRead(() -> {
            if (random.nextInt(100) < concurrentWritePercent) {
                // a concurrent transaction commits between two reads, sometimes in the second the cursor is in
                f.clock.tick(random.nextInt(400_000));
                if (ids.isEmpty() || random.nextBoolean()) {
                    ids.add(f.create(f.product("new", random.nextInt(100), 1)));
                } else {
                    long id = ids.get(random.nextInt(ids.size()));
                    f.write(Fixture.PRODUCT, id, java.util.Map.of("list_price", (double) random.nextInt(1000)));
                }
            }
        });
        SyncEngine engine = f.engine("a", pageSize).build();

        SyncReport first = engine.run(SyncRequest.incremental().withModels(Fixture.PRODUCT));
        f.beforeEachRead(() -> { });
        f.clock.advance(Duration.ofSeconds(1));
        SyncReport second = engine.run(SyncRequest.incremental().withModels(Fixture.PRODUCT));

        assertThat(first.outcome()).isEqualTo(Outcome.OK);
        assertThat(second.outcome()).isEqualTo(Outcome.OK);
        f.assertMirrors(Fixture.SOURCE, Fixture.PRODUCT, Fixture.PRODUCT_FIELDS);
    }
}
