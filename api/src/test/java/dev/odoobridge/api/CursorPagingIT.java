package dev.odoobridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Keyset paging while the collection changes between pages: every record that exists from the first
 * page to the last is returned exactly once, nothing twice, in the requested order — sorted by id,
 * by name (with ties and missing names) and descending.
 */
class CursorPagingIT {
    static final ObjectMapper JSON = new ObjectMapper();
    final ApiWorld w = ApiWorld.get();

    @Test
    void byIdAscending() throws Exception {
        walk("id", "pid", 100_000);
    }

    @Test
    void byNameWithTiesAndNulls() throws Exception {
        walk("name", "pname", 200_000);
    }

    @Test
    void byNameDescending() throws Exception {
        walk("-name", "pdesc", 300_000);
    }

    /** Pages through products while inserting and deleting marked test products between the pages. */
    private void walk(String sort, String marker, long firstId) throws Exception {
        MongoCollection<Document> products = w.db.getCollection("product_product");
        Random random = new Random(firstId);
        List<Long> mine = new ArrayList<>();
        long nextId = firstId;
        for (int i = 0; i < 40; i++) {
            insert(products, nextId, marker, random, i);
            mine.add(nextId++);
        }
        Set<Long> stable = new HashSet<>(ids(products));
        Set<Long> deleted = new HashSet<>();
        List<Long> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String q = "shop/products?limit=7&fields=name&sort=" + sort
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = JSON.readTree(w.get(q, w.shopKey).body());
            for (JsonNode p : page.get("data")) {
                seen.add(p.get("id").asLong());
                names.add(p.get("name").isNull() ? null : p.get("name").asText());
            }
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
            // between pages: delete two of the marked products, insert three new ones (some sorting before, some after)
            for (int k = 0; k < 2 && !mine.isEmpty(); k++) {
                long victim = mine.remove(random.nextInt(mine.size()));
                products.deleteOne(new Document("_source", "shop").append("_odoo_id", victim));
                deleted.add(victim);
                stable.remove(victim);
            }
            for (int k = 0; k < 3; k++) {
                insert(products, nextId, marker, random, random.nextInt(100));
                mine.add(nextId++);
            }
            pages++;
        } while (cursor != null && pages < 200);
        assertThat(cursor).as("paging ended").isNull();
        assertThat(seen).as("nothing returned twice").doesNotHaveDuplicates();
        assertThat(seen).as("every record present throughout was returned").containsAll(stable);
        if (sort.equals("id")) {
            assertThat(seen).isSorted();
        } else {
            List<String> nonNull = names.stream().filter(java.util.Objects::nonNull).toList();
            int firstNonNull = names.indexOf(nonNull.isEmpty() ? null : nonNull.get(0));
            if (sort.startsWith("-")) {
                List<String> reversed = new ArrayList<>(nonNull);
                java.util.Collections.reverse(reversed);
                assertThat(reversed).isSorted();
                assertThat(names.subList(nonNull.size(), names.size())).as("nulls last when descending").containsOnlyNulls();
            } else {
                assertThat(nonNull).isSorted();
                assertThat(names.subList(0, firstNonNull)).as("nulls first when ascending").containsOnlyNulls();
            }
        }
        products.deleteMany(new Document("_source", "shop").append("x_marker", marker));
    }

    private static void insert(MongoCollection<Document> products, long id, String marker, Random random, int nameKey) {
        Document d = new Document("_id", "shop:" + id).append("_source", "shop").append("_odoo_id", id)
                .append("x_marker", marker).append("active", true);
        if (nameKey % 9 != 0) {
            d.append("name", "Zz tie " + (nameKey % 5));
        } else {
            d.append("name", null);
        }
        products.insertOne(d);
    }

    private static List<Long> ids(MongoCollection<Document> products) {
        List<Long> ids = new ArrayList<>();
        for (Document d : products.find(new Document("_source", "shop"))) {
            ids.add(((Number) d.get("_odoo_id")).longValue());
        }
        return ids;
    }
}
