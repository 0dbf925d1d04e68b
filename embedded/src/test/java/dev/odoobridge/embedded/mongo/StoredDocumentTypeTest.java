package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/** Documents survive the store's BSON value type, and values the stock type wrote are still read. */
class StoredDocumentTypeTest {
    private final StoredDocumentType type = new StoredDocumentType();

    @Provide
    Arbitrary<Document> documents() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.longs().between(0, 4_000_000_000_000L).map(ms -> (Object) Instant.ofEpochMilli(ms)),
                Arbitraries.just(null));
        Arbitrary<Object> nested = Combinators.combine(Arbitraries.integers().between(1, 99999), Arbitraries.strings().ofMaxLength(10))
                .as((id, name) -> (Object) new Document("id", id).append("name", name));
        Arbitrary<Object> value = Arbitraries.oneOf(scalar, nested, scalar.list().ofMaxSize(4).map(l -> (Object) l));
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().ofMaxSize(8).uniqueElements(),
                value.list().ofSize(8)).as((names, values) -> {
                    Document d = new Document("_id", "shop:" + names.size());
                    for (int i = 0; i < names.size(); i++) {
                        d.append("f_" + names.get(i), values.get(i));
                    }
                    return d;
                });
    }

    @Property(tries = 300)
    void roundTrips(@ForAll("documents") Document document) {
        WriteBuffer buff = new WriteBuffer();
        type.write(buff, document);
        type.write(buff, "a plain value");
        ByteBuffer read = buff.getBuffer();
        read.flip();
        assertThat(read.get(0)).isEqualTo(StoredDocumentType.BSON_TAG);
        assertThat(type.read(read)).isEqualTo(document);
        assertThat(type.read(read)).isEqualTo("a plain value");
    }

    @Property(tries = 50)
    void readsWhatTheStockTypeWrote(@ForAll("documents") Document document) {
        WriteBuffer buff = new WriteBuffer();
        new ObjectDataType().write(buff, document);
        ByteBuffer read = buff.getBuffer();
        read.flip();
        assertThat(type.read(read)).isEqualTo(document);
    }

    @Property(tries = 1)
    void aNestedListOfDocumentsRoundTrips() {
        Document d = new Document("_id", "shop:1").append("lines", List.of(new Document("qty", 2.5), new Document("qty", 1)));
        WriteBuffer buff = new WriteBuffer();
        type.write(buff, d);
        ByteBuffer read = buff.getBuffer();
        read.flip();
        assertThat(type.read(read)).isEqualTo(d);
    }
}
