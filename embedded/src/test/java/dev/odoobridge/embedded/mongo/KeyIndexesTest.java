package dev.odoobridge.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Index;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read model's key indexes on the embedded store: ({@code _source}, {@code _odoo_id}) answers id lookups and
 * id-ordered pages by reading only the entries asked for, ({@code _source}, {@code barcode}) answers barcode lookups
 * by reading only the matching documents; both answer exactly what a scan answers, products without a barcode do
 * not keep the barcode index from answering, and a barcode array (which MongoDB matches by element) does.
 */
class KeyIndexesTest {
    private static final String DB = "odoo_bridge";
    private static final List<String> SOURCES = List.of("shop", "eu");

    @TempDir
    Path dir;

    @Test
    void idAndBarcodeLookupsReadOnlyTheirDocumentsAndAnswerAsAScan() {
        DurableH2Backend backend = DurableH2Backend.open(dir.resolve("readmodel.mv").toString());
        try (Served s = new Served(backend)) {
            MongoCollection<Document> products = s.db().getCollection("product_product");
            products.createIndex(Indexes.ascending("_source", "_odoo_id"));
            products.createIndex(Indexes.ascending("_source", "barcode"));
            Random random = new Random(5);
            List<Document> batch = new ArrayList<>();
            for (String source : SOURCES) {
                for (long id = 1; id <= 3_000; id++) {
                    Document d = new Document("_id", source + ":" + id).append("_source", source).append("_odoo_id", id)
                            .append("name", "P" + id);
                    int kind = random.nextInt(10);
                    if (kind < 6) {
                        d.append("barcode", "40" + (id % 1_500)); // shared by two products per source
                    } else if (kind < 8) {
                        d.append("barcode", null);
                    } else if (kind == 8) {
                        d.append("barcode", 40L + id); // a number never equals a string
                    }
                    batch.add(d);
                }
            }
            products.insertMany(batch);
            Index<?> byId = index(backend, "product_product", "_odoo_id");
            Index<?> byBarcode = index(backend, "product_product", "barcode");
            assertThat(byId.getCount()).isEqualTo(6_000);
            assertThat(byBarcode.getCount()).isEqualTo(6_000);

            for (int q = 0; q < 200; q++) {
                String source = SOURCES.get(random.nextInt(SOURCES.size()));
                String code = "40" + random.nextInt(1_600);
                List<Document> expected = batch.stream().filter(d -> source.equals(d.get("_source")) && code.equals(d.get("barcode")))
                        .sorted(Comparator.comparing(d -> d.getString("_id"))).toList();
                List<Document> actual = products.find(Filters.and(Filters.eq("_source", source), Filters.eq("barcode", code)))
                        .sort(Sorts.ascending("_id")).into(new ArrayList<>());
                assertThat(actual).as(code).isEqualTo(expected);
                de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document("_source", source)
                        .append("barcode", code);
                assertThat(byBarcode.canHandle(query)).isTrue();
                assertThat(count(byBarcode.getPositions(query))).as("entries read for " + code).isEqualTo(expected.size());

                long after = random.nextInt(3_100);
                List<Document> page = products.find(Filters.and(Filters.eq("_source", source), Filters.gt("_odoo_id", after)))
                        .sort(Sorts.ascending("_odoo_id")).limit(101).into(new ArrayList<>());
                List<Document> expectedPage = batch.stream().filter(d -> source.equals(d.get("_source"))
                        && d.getLong("_odoo_id") > after).limit(101).toList();
                assertThat(page).isEqualTo(expectedPage);
            }
            de.bwaldvogel.mongo.bson.Document one = new de.bwaldvogel.mongo.bson.Document("_source", "eu").append("_odoo_id", 17L);
            assertThat(byId.canHandle(one)).isTrue();
            assertThat(count(byId.getPositions(one))).isEqualTo(1);
            de.bwaldvogel.mongo.bson.Document two = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                    new de.bwaldvogel.mongo.bson.Document("barcode", "401"), new de.bwaldvogel.mongo.bson.Document("barcode", "402")))
                    .append("_source", "shop");
            assertThat(count(byBarcode.getPositions(two))).isZero();

            products.insertOne(new Document("_id", "shop:9001").append("_source", "shop").append("_odoo_id", 9001L)
                    .append("barcode", List.of("401", "9")));
            de.bwaldvogel.mongo.bson.Document code401 = new de.bwaldvogel.mongo.bson.Document("_source", "shop").append("barcode", "401");
            assertThat(byBarcode.canHandle(code401)).as("an array may hold the code: scan").isFalse();
            assertThat(products.countDocuments(Filters.and(Filters.eq("_source", "shop"), Filters.eq("barcode", "401"))))
                    .isEqualTo(batch.stream().filter(d -> "shop".equals(d.get("_source")) && "401".equals(d.get("barcode"))).count() + 1);
            products.updateOne(Filters.eq("_id", "shop:9001"), Updates.set("barcode", "401"));
            assertThat(byBarcode.canHandle(code401)).isTrue();
            products.updateOne(Filters.eq("_id", "shop:9001"), Updates.unset("barcode"));
            products.deleteOne(Filters.eq("_id", "shop:9001"));
            products.deleteMany(Filters.eq("barcode", null));
            assertThat(byBarcode.getCount()).isEqualTo(products.countDocuments());
            assertThat(byId.getCount()).isEqualTo(products.countDocuments());
        }
    }

    @Test
    void pagesSortedByIdAreReadInIndexOrder() {
        InMemoryBackend backend = new InMemoryBackend();
        try (Served s = new Served(backend)) {
            MongoCollection<Document> products = s.db().getCollection("product_product");
            products.createIndex(Indexes.ascending("_source", "_odoo_id"));
            for (long id = 1; id <= 500; id++) {
                products.insertOne(new Document("_id", "shop:" + id).append("_source", "shop").append("_odoo_id", id));
            }
            @SuppressWarnings("unchecked")
            List<Index<Object>> indexes = (List<Index<Object>>) (List<?>) List.of(index(backend, "product_product", "_odoo_id"));
            de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document("_source", "shop")
                    .append("_odoo_id", new de.bwaldvogel.mongo.bson.Document("$gt", 100L));
            Iterable<Object> ordered = SequencedCollections.inSequenceOrder(indexes, query,
                    new de.bwaldvogel.mongo.bson.Document("_odoo_id", -1));
            assertThat(ordered).isNotNull();
            assertThat(count(ordered)).isEqualTo(400);
            assertThat(SequencedCollections.inSequenceOrder(indexes, query, new de.bwaldvogel.mongo.bson.Document("_seq", 1))).isNull();
            assertThat(products.find(Filters.and(Filters.eq("_source", "shop"), Filters.lt("_odoo_id", 300L)))
                    .sort(Sorts.descending("_odoo_id")).limit(2).map(d -> d.getLong("_odoo_id")).into(new ArrayList<>()))
                    .containsExactly(299L, 298L);
        }
    }

    private static long count(Iterable<?> positions) {
        long n = 0;
        for (Object ignored : positions) {
            n++;
        }
        return n;
    }

    private static Index<?> index(MongoBackend backend, String collection, String lastField) {
        List<? extends Index<?>> indexes = ((AbstractMongoBackend) backend).resolveDatabase(DB)
                .resolveCollection(collection, true).getIndexes();
        return indexes.stream().filter(i -> i instanceof SequenceIndex<?> k && k.lastField().equals(lastField))
                .findFirst().orElseThrow();
    }

    /** A backend served on a loopback port with a client; closing stops both and closes the backend. */
    private static final class Served implements AutoCloseable {
        private final MongoBackend backend;
        private final MongoServer server;
        private final MongoClient client;

        Served(MongoBackend backend) {
            this.backend = backend;
            this.server = new MongoServer(backend);
            InetSocketAddress address = server.bind();
            this.client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        }

        MongoDatabase db() {
            return client.getDatabase(DB);
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
            backend.close();
        }
    }
}
