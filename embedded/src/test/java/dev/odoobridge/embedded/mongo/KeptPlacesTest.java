package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The kept places answer as a map would, through growth, removals that close gaps, and bulk removals. */
class KeptPlacesTest {
    /** An operation: 0 put, 1 remove, 2 remove the places of one slab; on a small key space so probes collide. */
    record Op(int kind, int key, long place) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(0, 300), Arbitraries.longs().between(0, 7L << 32))
                .as((k, key, place) -> new Op(k < 6 ? 0 : k < 9 ? 1 : 2, key, place));
        return op.list().ofMaxSize(2_000);
    }

    @Property(tries = 200)
    void answersAsAMapDoes(@ForAll("ops") List<Op> ops) {
        KeptPlaces places = new KeptPlaces();
        Map<Object, Long> expected = new HashMap<>();
        for (Op op : ops) {
            Object key = op.key() % 3 == 0 ? (Object) ("p" + op.key()) : (Object) (long) op.key();
            switch (op.kind()) {
                case 0 -> assertThat(places.put(key, op.place())).isEqualTo(orNone(expected.put(key, op.place())));
                case 1 -> assertThat(places.remove(key)).isEqualTo(orNone(expected.remove(key)));
                default -> {
                    long slab = op.place() >>> 32;
                    places.removePlaces(place -> place >>> 32 == slab);
                    expected.values().removeIf(place -> place >>> 32 == slab);
                }
            }
            assertThat(places.size()).isEqualTo(expected.size());
        }
        for (int key = 0; key <= 300; key++) {
            for (Object k : List.of("p" + key, (Object) (long) key)) {
                assertThat(places.get(k)).as(String.valueOf(k)).isEqualTo(orNone(expected.get(k)));
            }
        }
        places.clear();
        assertThat(places.size()).isZero();
        assertThat(places.get(1L)).isEqualTo(KeptPlaces.NONE);
    }

    private static long orNone(Long place) {
        return place == null ? KeptPlaces.NONE : place;
    }
}
