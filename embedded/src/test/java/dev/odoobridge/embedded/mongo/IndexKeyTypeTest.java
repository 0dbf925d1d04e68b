package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** The index key order is a total order whose equality is value equality, and a map keyed by it finds every key. */
class IndexKeyTypeTest {
    private final IndexKeyType type = new IndexKeyType();

    @Provide
    Arbitrary<KeyValue> keys() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.longs().between(-5, 5).map(l -> (Object) l),
                Arbitraries.doubles().between(-2, 2).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b));
        return value.list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
    }

    @Property(tries = 400)
    void antisymmetricAndEqualExactlyForEqualKeys(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b) {
        int ab = type.compare(a, b);
        assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(type.compare(b, a)));
        assertThat(ab == 0).isEqualTo(a.equals(b));
        assertThat(type.compare(a, new KeyValue(new ArrayList<>(a.stream().toList())))).isZero();
    }

    @Property(tries = 200)
    void transitive(@ForAll("keys") KeyValue a, @ForAll("keys") KeyValue b, @ForAll("keys") KeyValue c) {
        if (type.compare(a, b) <= 0 && type.compare(b, c) <= 0) {
            assertThat(type.compare(a, c)).isLessThanOrEqualTo(0);
        }
    }

    @Property(tries = 30)
    void aMapKeyedByItFindsEveryKeyAfterACommitAndReopen(@ForAll("keyLists") List<KeyValue> keys) {
        try (MVStore store = new MVStore.Builder().open()) {
            MVMap<KeyValue, Object> map = store.openMap("k", new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
            for (int i = 0; i < keys.size(); i++) {
                map.putIfAbsent(keys.get(i), "p" + i);
            }
            for (KeyValue k : keys) {
                assertThat(map.get(new KeyValue(new ArrayList<>(k.stream().toList())))).isNotNull();
            }
            assertThat(map.sizeAsLong()).isEqualTo(keys.stream().distinct().count());
        }
    }

    @Provide
    Arbitrary<List<KeyValue>> keyLists() {
        return keys().list().ofMinSize(1).ofMaxSize(300);
    }

    @Property(tries = 1)
    void idKeysOrderAsStrings() {
        assertThat(type.compare(new KeyValue("shop:10"), new KeyValue("shop:9"))).isNegative();
        assertThat(type.compare(new KeyValue("shop:9"), new KeyValue(9L))).isNegative();
    }
}
