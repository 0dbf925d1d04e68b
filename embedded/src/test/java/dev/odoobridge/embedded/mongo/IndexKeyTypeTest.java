package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The index key order is a total order whose equality is value equality, a map keyed by it finds every key, and keys
 * are stored value by value (read back equal, compact, and keys an earlier version stored whole still read).
 */
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

    @Property(tries = 300)
    void aKeyIsReadBackEqualFromItsStoredForm(@ForAll("storedKeys") KeyValue key) {
        WriteBuffer buff = new WriteBuffer();
        type.write(buff, key);
        ByteBuffer stored = buff.getBuffer().flip();
        assertThat(stored.get(0)).isEqualTo(IndexKeyType.KEY_TAG);
        assertThat(type.read(stored)).isEqualTo(key);
        assertThat(stored.hasRemaining()).isFalse();
    }

    @Provide
    Arbitrary<KeyValue> storedKeys() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.longs().between(0, 4_000_000_000_000L).map(t -> (Object) new Date(t)),
                Arbitraries.strings().ofMaxLength(5).map(s -> (Object) new de.bwaldvogel.mongo.bson.Document("k", s)));
        return value.list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new);
    }

    @Property(tries = 1)
    void anIdKeyTakesBytesForItsCharactersNotAJavaSerializedObject() {
        WriteBuffer compact = new WriteBuffer();
        type.write(compact, new KeyValue("shop:12345"));
        WriteBuffer whole = new WriteBuffer();
        new ObjectDataType().write(whole, new KeyValue("shop:12345"));
        assertThat(compact.position()).isLessThanOrEqualTo(14);
        assertThat(whole.position()).isGreaterThan(100);
    }

    @Property(tries = 1)
    void keysStoredWholeByAnEarlierVersionAreStillReadAndFoundBesideNewOnes(@ForAll("keyLists") List<KeyValue> keys)
            throws Exception {
        Path file = Files.createTempFile("keys", ".mv");
        try {
            int half = keys.size() / 2;
            try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
                // the earlier stored form: the whole key Java-serialized, compared as now
                MVMap<KeyValue, Object> map = store.openMap("k", new MVMap.Builder<KeyValue, Object>()
                        .keyType(new ObjectDataType() {
                            @Override
                            public int compare(Object a, Object b) {
                                return type.compare(a, b);
                            }
                        }));
                for (int i = 0; i < half; i++) {
                    map.putIfAbsent(keys.get(i), "p" + i);
                }
            }
            try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
                MVMap<KeyValue, Object> map = store.openMap("k", new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
                for (int i = half; i < keys.size(); i++) {
                    map.putIfAbsent(keys.get(i), "p" + i);
                }
            }
            try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
                MVMap<KeyValue, Object> map = store.openMap("k", new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
                for (KeyValue k : keys) {
                    assertThat(map.get(new KeyValue(new ArrayList<>(k.stream().toList())))).isNotNull();
                }
                assertThat(map.sizeAsLong()).isEqualTo(keys.stream().distinct().count());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
